package cn.hemeigrid;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import cn.hemeigrid.access.JurisdictionOverride;

/**
 * Marks an integration test that runs the whole application on a random port against the
 * real PostGIS test database, loaded with the shipped Huizhou data. All such tests share one
 * application context, so the data is imported once per test run. The request's jurisdiction
 * can be set with {@link JurisdictionOverride}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({CleanDatabaseConfiguration.class, JurisdictionOverride.Configuration.class})
public @interface PostgisTest {
}
