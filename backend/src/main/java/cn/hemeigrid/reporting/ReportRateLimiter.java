package cn.hemeigrid.reporting;

import java.time.Duration;
import java.util.OptionalLong;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One token bucket per client address, held in memory: each instance of the server counts on
 * its own, and a restart clears the counts. A bucket holds {@code requests} tokens and refills
 * them evenly over {@code window}; buckets idle for a whole window are dropped, because they
 * would be full again anyway.
 */
@Component
class ReportRateLimiter {

    private volatile Limit limit;

    private record Limit(int requests, Duration window, Cache<String, Bucket> buckets) {
    }

    ReportRateLimiter(ReportingProperties properties) {
        configure(properties.rateLimit().requests(), properties.rateLimit().window());
    }

    /** Replaces the limit and clears every count, so tests can try a small limit. */
    void configure(int requests, Duration window) {
        Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(100_000).build();
        limit = new Limit(requests, window, buckets);
    }

    /** Takes one token for the client; returns the time to wait when none is left, else empty. */
    OptionalLong tryAcquire(String clientAddress) {
        Limit current = limit;
        Bucket bucket = current.buckets().get(clientAddress, address -> newBucket(current));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty() : OptionalLong.of(probe.getNanosToWaitForRefill());
    }

    int requests() {
        return limit.requests();
    }

    Duration window() {
        return limit.window();
    }

    private static Bucket newBucket(Limit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.window())
                        .build())
                .build();
    }
}
