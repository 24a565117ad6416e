package cn.hemeigrid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PostgisTest
class SchemaTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void postgisIsAvailable() {
        String version = jdbc.sql("SELECT postgis_lib_version()").query(String.class).single();

        assertThat(version).startsWith("3.");
    }

    @Test
    void starterCatalogueIsLoaded() {
        int categories = jdbc.sql("SELECT count(*) FROM matter_category").query(Integer.class).single();
        int routes = jdbc.sql("SELECT count(*) FROM handler_route").query(Integer.class).single();

        assertThat(categories).isGreaterThanOrEqualTo(20);
        assertThat(routes).isEqualTo(4);
    }
}
