package cn.hemeigrid.system;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock deadlines are computed from; tests may replace it. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /**
     * Returns the system clock truncated to microseconds, the precision of PostgreSQL's
     * timestamptz. A time sent in a response, such as a deadline in a 201, then equals the time
     * stored, which PostgreSQL would otherwise round.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
