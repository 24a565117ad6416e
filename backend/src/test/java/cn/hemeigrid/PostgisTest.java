package cn.hemeigrid;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Marks an integration test that runs the whole application on a random port against the
 * real PostGIS test database, loaded with the shipped Huizhou data. All such tests share one
 * application context, so the data is imported once per test run. Tests that need a
 * jurisdiction sign in as an account that has it ({@link TestAccounts}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(CleanDatabaseConfiguration.class)
public @interface PostgisTest {
}
