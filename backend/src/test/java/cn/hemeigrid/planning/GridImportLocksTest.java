package cn.hemeigrid.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.system.RejectedRequestException;

/** The advisory locks an import commit takes, read in the test's own transaction. */
@PostgisTest
@Transactional
class GridImportLocksTest {

    @Autowired
    GridImport gridImport;

    @Autowired
    JdbcClient jdbc;

    @Test
    void unknownVillagesTakeNoLocks() {
        List<ImportedFeature> features = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            features.add(new ImportedFeature(i, null, null, null, null, "no-such-village-" + i, null, null));
        }

        RejectedRequestException rejected = catchThrowableOfType(RejectedRequestException.class,
                () -> gridImport.commit(features));

        assertThat(rejected.status().value()).isEqualTo(422);
        assertThat(jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")
                .query(Integer.class).single()).isZero();
    }
}
