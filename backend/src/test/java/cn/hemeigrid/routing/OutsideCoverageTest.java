package cn.hemeigrid.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.catalogue.Urgency;
import cn.hemeigrid.system.RejectedRequestException;

/**
 * Points inside a jurisdiction but in no grid, on a test city far outside Huizhou whose only
 * grid covers the south-west quarter of it. Each test rolls its fixture back.
 */
@PostgisTest
@Transactional
class OutsideCoverageTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncidentRouter router;

    @BeforeEach
    void insertCityWithOneGrid() {
        insertUnit("980000000000", "city", "测试市", null);
        insertUnit("980100000000", "county", "测试区", "980000000000");
        insertUnit("980100001000", "township", "测试街道", "980100000000");
        insertUnit("980100001001", "village", "测试社区居委会", "980100001000");
        jdbc.sql("""
                        INSERT INTO grid (code, name, kind, village_code, geom, source)
                        VALUES ('980100001001001', '测试社区第1网格', 'basic', '980100001001',
                                ST_Multi(ST_MakeEnvelope(101.0, 30.0, 101.1, 30.1, 4490)), 'drawn')
                        """)
                .update();
    }

    @Test
    void nearbyPointFlaggedOutsideCoverage() {
        // 0.001 degrees of longitude at 30.05° N is about 96 m.
        Routing routing = route(101.101, 30.05);

        assertThat(routing.grid().code()).isEqualTo("980100001001001");
        assertThat(routing.outsideCoverage()).isTrue();
        assertThat(routing.distanceMetres()).isBetween(90.0, 100.0);
    }

    @Test
    void pointFarFromAnyGridIsRejected() {
        RejectedRequestException rejection = catchThrowableOfType(RejectedRequestException.class,
                () -> route(101.15, 30.15));

        assertThat(rejection.status().value()).isEqualTo(422);
        assertThat(rejection.messageKey()).isEqualTo("routing.no-grid-nearby");
    }

    @Test
    void pointOutsideEveryJurisdictionIsRejected() {
        RejectedRequestException rejection = catchThrowableOfType(RejectedRequestException.class,
                () -> route(101.5, 30.05));

        assertThat(rejection.status().value()).isEqualTo(422);
        assertThat(rejection.messageKey()).isEqualTo("routing.outside-jurisdiction");
    }

    private Routing route(double lon, double lat) {
        return router.route(ReportedLocation.parse(lon, lat, null), Optional.empty(), Urgency.ORDINARY, Instant.EPOCH);
    }

    private void insertUnit(String code, String level, String name, String parent) {
        jdbc.sql("""
                        INSERT INTO administrative_unit (code, level, name, parent_code, geom, geometry_source)
                        VALUES (?, ?, ?, ?, ST_Multi(ST_MakeEnvelope(101.0, 30.0, 101.2, 30.2, 4490)), 'generated')
                        """)
                .params(code, level, name, parent)
                .update();
    }
}
