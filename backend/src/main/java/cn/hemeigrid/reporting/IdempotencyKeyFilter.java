package cn.hemeigrid.reporting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import cn.hemeigrid.system.ProblemResponses;
import cn.hemeigrid.system.RequestBodyLimitFilter;

/**
 * Honours the Idempotency-Key header on the requests that create an incident. The first request
 * with a key claims it in the database and runs. Its response is stored when it succeeded (2xx)
 * and sent again, with the same status, Location and body, to every later request with the same
 * key and the same body until the key expires. A request arriving while the first is still
 * running waits for its answer. The same key with another body is rejected with 422. An answer
 * other than 2xx stores nothing and frees the key, so the client may correct the report and send
 * it again with the same key.
 */
@Component
@Order(IdempotencyKeyFilter.ORDER)
class IdempotencyKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final int ORDER = ReportRateLimitFilter.ORDER + 10;
    static final int MAX_KEY_LENGTH = 128;

    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{1," + MAX_KEY_LENGTH + "}");
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final int CLEANUP_EVERY = 100;
    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyFilter.class);

    private final IdempotentRequests requests;
    private final ReportingProperties.Idempotency settings;
    private final ProblemResponses problems;
    private final AtomicLong claims = new AtomicLong();

    IdempotencyKeyFilter(IdempotentRequests requests, ReportingProperties properties, ProblemResponses problems) {
        this.requests = requests;
        this.settings = properties.idempotency();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !AnonymousRequests.createsIncident(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (!VALID_KEY.matcher(key).matches()) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "idempotency.key-invalid", MAX_KEY_LENGTH);
            return;
        }
        CachedBodyRequest cached;
        try {
            cached = CachedBodyRequest.read(request);
        } catch (RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "request.too-large",
                    tooLarge.maxBytes() / 1024);
            return;
        }
        String endpoint = request.getMethod() + " " + AnonymousRequests.path(request);
        byte[] hash = requestHash(cached);

        long deadline = System.nanoTime() + settings.waitForFirst().toNanos();
        while (true) {
            if (requests.claim(endpoint, key, hash, settings.keyLifetime())) {
                runFirst(cached, response, chain, endpoint, key);
                return;
            }
            var stored = requests.find(endpoint, key);
            if (stored.isEmpty()) {
                continue;
            }
            if (!MessageDigest.isEqual(stored.get().requestHash(), hash)) {
                problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency.key-reused");
                return;
            }
            if (stored.get().answered()) {
                replay(stored.get(), response);
                return;
            }
            if (System.nanoTime() > deadline) {
                problems.write(request, response, HttpStatus.CONFLICT, "idempotency.in-progress");
                return;
            }
            pause();
        }
    }

    private void runFirst(CachedBodyRequest request, HttpServletResponse response, FilterChain chain, String endpoint,
                          String key) throws ServletException, IOException {
        if (claims.incrementAndGet() % CLEANUP_EVERY == 0) {
            requests.deleteExpired();
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, answer);
            if (answer.getStatus() >= 200 && answer.getStatus() < 300) {
                requests.storeAnswer(endpoint, key, answer.getStatus(), answer.getContentType(),
                        answer.getHeader(HttpHeaders.LOCATION), answer.getContentAsByteArray());
                stored = true;
            }
        } finally {
            if (!stored) {
                requests.release(endpoint, key);
            }
        }
        answer.copyBodyToResponse();
    }

    private static void replay(IdempotentRequests.Stored stored, HttpServletResponse response) throws IOException {
        log.info("Replayed the stored response (status {}) for a repeated Idempotency-Key", stored.status());
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        byte[] body = stored.body() == null ? new byte[0] : stored.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * Hashes what makes two requests the same report: the query string and the JSON body, or for
     * a form post its parameters sorted by name.
     */
    private static byte[] requestHash(CachedBodyRequest request) {
        MessageDigest digest = sha256();
        digest.update(String.valueOf(request.getQueryString()).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        if (request.isForm()) {
            Map<String, String[]> sorted = new TreeMap<>(request.getParameterMap());
            sorted.forEach((name, values) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                for (String value : values) {
                    digest.update((byte) 0);
                    digest.update(value.getBytes(StandardCharsets.UTF_8));
                }
                digest.update((byte) 1);
            });
        } else {
            digest.update(request.body());
        }
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("Every Java runtime has SHA-256", missing);
        }
    }

    private static void pause() throws ServletException {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ServletException("Interrupted while waiting for the first request with the same key",
                    interrupted);
        }
    }
}
