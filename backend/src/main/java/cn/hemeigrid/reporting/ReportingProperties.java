package cn.hemeigrid.reporting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of anonymous reporting (prefix {@code hemei.reporting}).
 *
 * @param rateLimit   requests without an account allowed per client address
 * @param idempotency how long an Idempotency-Key is remembered
 */
@ConfigurationProperties("hemei.reporting")
public record ReportingProperties(@DefaultValue RateLimit rateLimit, @DefaultValue Idempotency idempotency) {

    /**
     * @param requests          requests per window and client; the bucket refills gradually over the window
     * @param window            the period in which {@code requests} are allowed
     * @param trustForwardedFor take the client address from the last X-Forwarded-For entry, for a
     *                          server behind one reverse proxy that sets it; otherwise the socket address
     */
    public record RateLimit(@DefaultValue("30") int requests, @DefaultValue("10m") Duration window,
                            @DefaultValue("false") boolean trustForwardedFor) {

        public RateLimit {
            if (requests < 1 || window.isZero() || window.isNegative()) {
                throw new IllegalArgumentException("hemei.reporting.rate-limit needs requests >= 1 and a positive window,"
                        + " got " + requests + " per " + window);
            }
        }
    }

    /**
     * @param keyLifetime time after the first request during which the same key returns the same answer
     * @param waitForFirst how long a repeated request waits for the first one with its key to finish
     */
    public record Idempotency(@DefaultValue("24h") Duration keyLifetime, @DefaultValue("10s") Duration waitForFirst) {
    }
}
