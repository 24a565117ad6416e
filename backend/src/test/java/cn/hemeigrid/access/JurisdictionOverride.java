package cn.hemeigrid.access;

import java.util.function.Supplier;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test-only stand-in for a signed-in account's jurisdiction, registered as the {@code @Primary}
 * {@link CurrentJurisdiction}. Until a test calls {@link #set}, it returns what the
 * application's own {@link CurrentJurisdiction} bean returns, so tests that sign in for real are
 * unaffected. A test that sets one must {@link #clear} it afterwards, because all
 * {@code @PostgisTest} classes share one context.
 */
public final class JurisdictionOverride implements CurrentJurisdiction {

    private final Supplier<CurrentJurisdiction> application;
    private volatile Jurisdiction override;

    private JurisdictionOverride(Supplier<CurrentJurisdiction> application) {
        this.application = application;
    }

    @Override
    public Jurisdiction get() {
        Jurisdiction set = override;
        return set != null ? set : application.get().get();
    }

    public void set(Jurisdiction jurisdiction) {
        override = jurisdiction;
    }

    public void clear() {
        override = null;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        /** Looks the application's bean up on first use, so this bean does not depend on itself. */
        @Bean
        @Primary
        JurisdictionOverride jurisdictionOverride(ListableBeanFactory beans) {
            return new JurisdictionOverride(() -> beans.getBeansOfType(CurrentJurisdiction.class).values().stream()
                    .filter(bean -> !(bean instanceof JurisdictionOverride))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No CurrentJurisdiction bean besides the override")));
        }
    }
}
