package cn.hemeigrid.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table idempotent_request. Each statement commits on its own: a claim has to be visible to
 * a concurrent request with the same key at once, not when the report's transaction ends.
 */
@Repository
class IdempotentRequests {

    /** A stored request: its body hash and, once handled, the answer; status is null while it is handled. */
    record Stored(byte[] requestHash, Integer status, String contentType, String location, byte[] body) {

        boolean answered() {
            return status != null;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotentRequests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Claims the key for a new request; returns false when a request with the key that has not
     * expired exists. An expired row with the key is replaced.
     */
    boolean claim(String endpoint, String key, byte[] requestHash, Duration lifetime) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("DELETE FROM idempotent_request WHERE endpoint = ? AND idempotency_key = ? AND expires_at <= ?")
                .params(endpoint, key, now).update();
        int inserted = jdbc.sql("""
                        INSERT INTO idempotent_request (endpoint, idempotency_key, request_hash, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (endpoint, idempotency_key) DO NOTHING""")
                .params(endpoint, key, requestHash, now, now.plus(lifetime)).update();
        return inserted == 1;
    }

    Optional<Stored> find(String endpoint, String key) {
        return jdbc.sql("""
                        SELECT request_hash, status, content_type, location, body FROM idempotent_request
                        WHERE endpoint = ? AND idempotency_key = ?""")
                .params(endpoint, key)
                .query((row, number) -> new Stored(row.getBytes("request_hash"), (Integer) row.getObject("status"),
                        row.getString("content_type"), row.getString("location"), row.getBytes("body")))
                .optional();
    }

    void storeAnswer(String endpoint, String key, int status, String contentType, String location, byte[] body) {
        jdbc.sql("""
                        UPDATE idempotent_request SET status = ?, content_type = ?, location = ?, body = ?
                        WHERE endpoint = ? AND idempotency_key = ?""")
                .params(status, contentType, location, body, endpoint, key).update();
    }

    /** Frees the key after a request that stored nothing, so the client can send it again. */
    void release(String endpoint, String key) {
        jdbc.sql("DELETE FROM idempotent_request WHERE endpoint = ? AND idempotency_key = ? AND status IS NULL")
                .params(endpoint, key).update();
    }

    /** Deletes up to 1000 expired rows; returns how many. */
    int deleteExpired() {
        Instant now = clock.instant();
        return jdbc.sql("""
                        DELETE FROM idempotent_request WHERE ctid IN (
                            SELECT ctid FROM idempotent_request WHERE expires_at <= ? LIMIT 1000)""")
                .param(OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
    }
}
