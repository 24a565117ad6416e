package cn.hemeigrid;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Starts each test run on an empty schema: Flyway drops the hemei schema, migrates it again,
 * and the data import then loads gis-data/ as on a first start. The postgis extension lives
 * in the public schema and survives the clean.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CleanDatabaseConfiguration {

    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }
}
