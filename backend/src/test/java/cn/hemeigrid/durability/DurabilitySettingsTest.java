package cn.hemeigrid.durability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.PostgisTest;

/**
 * The PostgreSQL settings that make a committed transaction survive a crash, read through the
 * application's own connection pool, so a setting for the database, the role or the session
 * counts too. synchronous_commit off would let the server send its 201 before the commit is on
 * disk, and fsync off would lose committed data on a power cut.
 */
@PostgisTest
class DurabilitySettingsTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void commitsWaitForDisk() {
        assertThat(setting("fsync")).isEqualTo("on");
        // Every value but off flushes the commit record to the local disk before the commit returns.
        assertThat(setting("synchronous_commit")).isIn("on", "local", "remote_write", "remote_apply");
        assertThat(setting("full_page_writes")).isEqualTo("on");
    }

    private String setting(String name) {
        return jdbc.sql("SELECT current_setting(?)").param(name).query(String.class).single();
    }
}
