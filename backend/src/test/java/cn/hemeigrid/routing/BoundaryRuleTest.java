package cn.hemeigrid.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.catalogue.Urgency;

/**
 * Points exactly on grid edges and vertices, on four unit squares of a test village placed
 * far outside Huizhou so that no real grid interferes. Each test rolls its fixture back.
 *
 * <pre>
 *   30.6 +-----+-----+
 *        | 003 | 004 |
 *   30.5 +-----+-----+
 *        | 001 | 002 |
 *   30.4 +-----+-----+
 *      100.4 100.5 100.6
 * </pre>
 */
@PostgisTest
@Transactional
class BoundaryRuleTest {

    private static final String VILLAGE = "990000001001";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncidentRouter router;

    @BeforeEach
    void insertFourSquareGrids() {
        insertUnit("990000000000", "county", "测试县", "441300000000");
        insertUnit("990000001000", "township", "测试镇", "990000000000");
        insertUnit(VILLAGE, "village", "测试村委会", "990000001000");
        insertGrid("001", 100.4, 30.4);
        insertGrid("002", 100.5, 30.4);
        insertGrid("003", 100.4, 30.5);
        insertGrid("004", 100.5, 30.5);
    }

    @Test
    void fourGridCornerGoesToSmallestCode() {
        assertRoutesTo(100.5, 30.5, "001");
    }

    @Test
    void sharedEdgeGoesToSmallestCode() {
        assertRoutesTo(100.5, 30.45, "001");
        assertRoutesTo(100.45, 30.5, "001");
        assertRoutesTo(100.55, 30.5, "002");
        assertRoutesTo(100.5, 30.55, "003");
    }

    @Test
    void outerCornersStayInTheirSquare() {
        assertRoutesTo(100.6, 30.6, "004");
        assertRoutesTo(100.6, 30.4, "002");
        assertRoutesTo(100.4, 30.6, "003");
        assertRoutesTo(100.4, 30.4, "001");
    }

    @Test
    void interiorPointGoesToItsGrid() {
        assertRoutesTo(100.55, 30.55, "004");
    }

    private void assertRoutesTo(double lon, double lat, String serial) {
        ReportedLocation location = ReportedLocation.parse(lon, lat, "cgcs2000");
        for (int call = 0; call < 5; call++) {
            Routing routing = router.route(location, Optional.empty(), Urgency.ORDINARY, Instant.EPOCH);

            assertThat(routing.grid().code()).as("call %d at %s,%s", call, lon, lat).isEqualTo(VILLAGE + serial);
            assertThat(routing.outsideCoverage()).isFalse();
        }
    }

    private void insertUnit(String code, String level, String name, String parent) {
        jdbc.sql("""
                        INSERT INTO administrative_unit (code, level, name, parent_code, geom, geometry_source)
                        VALUES (?, ?, ?, ?, ST_Multi(ST_MakeEnvelope(100.4, 30.4, 100.6, 30.6, 4490)), 'generated')
                        """)
                .params(code, level, name, parent)
                .update();
    }

    private void insertGrid(String serial, double west, double south) {
        jdbc.sql("""
                        INSERT INTO grid (code, name, kind, village_code, geom, source)
                        VALUES (?, ?, 'basic', ?, ST_Multi(ST_MakeEnvelope(?, ?, ?, ?, 4490)), 'drawn')
                        """)
                .params(VILLAGE + serial, "测试网格" + serial, VILLAGE, west, south, west + 0.1, south + 0.1)
                .update();
    }
}
