package cn.hemeigrid.reporting;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

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

import cn.hemeigrid.system.ProblemResponses;

/**
 * Filter that returns 429 with Retry-After (whole seconds) when a client address has used up its
 * allowance of anonymous reporting requests (see {@link AnonymousRequests}).
 */
@Component
@Order(ReportRateLimitFilter.ORDER)
class ReportRateLimitFilter extends OncePerRequestFilter {

    /** After the body size check, before any filter that reads the body or touches the database. */
    static final int ORDER = 0;

    private static final Logger log = LoggerFactory.getLogger(ReportRateLimitFilter.class);

    private final ReportRateLimiter limiter;
    private final boolean trustForwardedFor;
    private final ProblemResponses problems;

    ReportRateLimitFilter(ReportRateLimiter limiter, ReportingProperties properties, ProblemResponses problems) {
        this.limiter = limiter;
        this.trustForwardedFor = properties.rateLimit().trustForwardedFor();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !AnonymousRequests.isRateLimited(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = ClientAddress.of(request, trustForwardedFor);
        OptionalLong waitNanos = limiter.tryAcquire(client);
        if (waitNanos.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }

        long waitSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos.getAsLong() + 999_999_999L));
        log.warn("Rate limit reached by client {} on {} {}; retry after {} s", client, request.getMethod(),
                request.getRequestURI(), waitSeconds);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(waitSeconds));
        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "reporting.rate-limited",
                limiter.requests(), limiter.window().toSeconds(), waitSeconds);
    }
}
