package cn.hemeigrid.system;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Filter that returns 503 with Retry-After when a filter before Spring MVC fails because
 * PostgreSQL cannot be reached, such as the session store loading a staff session. Failures
 * inside controllers get the same response from {@link ProblemDetailsAdvice}.
 */
@Component
@Order(DatabaseOutageFilter.ORDER)
class DatabaseOutageFilter extends OncePerRequestFilter {

    /** Before the session filter of Spring Session (HIGHEST_PRECEDENCE + 50), which reads the database. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 40;

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final ProblemResponses problems;

    DatabaseOutageFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException failure) {
            Optional<SQLException> outage = DatabaseOutage.cause(failure);
            if (outage.isEmpty() || response.isCommitted()) {
                throw failure;
            }
            log.warn("Database unavailable while filtering {} {} (SQLSTATE {}): {}", request.getMethod(),
                    request.getRequestURI(), outage.get().getSQLState(), outage.get().getMessage());
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseOutage.RETRY_AFTER.toSeconds()));
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "problem.database-unavailable");
        }
    }
}
