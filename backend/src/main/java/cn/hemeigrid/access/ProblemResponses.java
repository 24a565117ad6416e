package cn.hemeigrid.access;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the responses to requests that the security filters stop, before Spring MVC and its
 * exception advice run. An anonymous request for a staff page is redirected to the sign-in
 * page. Every other one gets an RFC 9457 problem details body (401 sign-in required, 403
 * missing role or CSRF token) in the request's language.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** Pages that need sign-in. Anonymous requests for them get a redirect, not a JSON body. */
    static final Set<String> STAFF_PAGES = Set.of("/", "/index.html", "/dispatch.html", "/review.html",
            "/planning.html", "/admin.html");

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ProblemResponses(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if ("GET".equals(request.getMethod()) && STAFF_PAGES.contains(request.getRequestURI())) {
            String next = UriUtils.encodeQueryParam(request.getRequestURI(), java.nio.charset.StandardCharsets.UTF_8);
            response.sendRedirect("/login.html?next=" + next);
            return;
        }
        write(request, response, HttpStatus.UNAUTHORIZED, "access.sign-in-required");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        String key = exception instanceof CsrfException ? "access.csrf-invalid" : "access.forbidden";
        write(request, response, HttpStatus.FORBIDDEN, key);
    }

    /** Writes a problem details body with the detail in the request's language. */
    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(messageKey, null, locale));
        problem.setType(URI.create("urn:hemei-grid:problem:" + messageKey));
        problem.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
        problem.setInstance(URI.create(request.getRequestURI()));

        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
