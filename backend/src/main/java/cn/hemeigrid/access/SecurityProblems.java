package cn.hemeigrid.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import cn.hemeigrid.system.ProblemResponses;

/**
 * Responses to requests that the security filters stop, before Spring MVC and its exception
 * advice run. An anonymous request for a staff page is redirected to the sign-in page. Every
 * other one gets an RFC 9457 problem details body (401 sign-in required, 403 missing role or
 * CSRF token, 400 for a path the security firewall rejects) in the request's language.
 */
@Component
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

    /** Pages that need sign-in. Anonymous requests for them get a redirect, not a JSON body. */
    static final Set<String> STAFF_PAGES = Set.of("/", "/index.html", "/dispatch.html", "/review.html",
            "/planning.html", "/admin.html");

    private final ProblemResponses problems;

    SecurityProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if ("GET".equals(request.getMethod()) && STAFF_PAGES.contains(request.getRequestURI())) {
            String next = UriUtils.encodeQueryParam(request.getRequestURI(), StandardCharsets.UTF_8);
            response.sendRedirect("/login.html?next=" + next);
            return;
        }
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "access.sign-in-required");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        String key = exception instanceof CsrfException ? "access.csrf-invalid" : "access.forbidden";
        problems.write(request, response, HttpStatus.FORBIDDEN, key);
    }

    /** Returns 400 for a request the firewall rejects, such as encoded dot segments or a path parameter. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException exception)
            throws IOException {
        log.info("Rejected request {} {}: {}", request.getMethod(), request.getRequestURI(), exception.getMessage());
        problems.write(request, response, HttpStatus.BAD_REQUEST, "server.rejected.400");
    }
}
