package cn.hemeigrid;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Starts each test run on an empty schema: Flyway drops the hemei schema, migrates it again,
 * and the data import then loads gis-data/ as on a first start. The postgis extension lives
 * in the public schema and survives the clean. The test administrator that
 * {@link ApiClient} signs in as is created right after the migration.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CleanDatabaseConfiguration {

    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
            createTestAdministrator(new JdbcTemplate(flyway.getConfiguration().getDataSource()));
        };
    }

    private static void createTestAdministrator(JdbcTemplate jdbc) {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(ApiClient.TEST_ADMIN_PASSWORD);
        Long id = jdbc.queryForObject("""
                        INSERT INTO hemei.account (login_name, display_name, password_hash, jurisdiction_kind)
                        VALUES (?, '测试管理员', ?, 'whole_city') RETURNING id""",
                Long.class, ApiClient.TEST_ADMIN_LOGIN, hash);
        jdbc.update("INSERT INTO hemei.account_role (account_id, role) VALUES (?, 'administrator')", id);
    }
}
