package cn.hemeigrid.system;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details from servlet filters, which run before Spring MVC and so
 * cannot throw {@link RejectedRequestException}. The text comes from messages.properties in
 * the request's language, as in {@link ProblemDetailsAdvice}.
 */
@Component
public class ProblemResponses {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ProblemResponses(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    /** Writes the problem with the given status and the message of {@code messageKey}; arguments are shown as typed. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey,
                      Object... arguments) throws IOException {
        Locale locale = locales.resolveLocale(request);
        Object[] shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            shown[i] = String.valueOf(arguments[i]);
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:hemei-grid:problem:" + messageKey);
        problem.put("title", messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(),
                locale));
        problem.put("status", status.value());
        problem.put("detail", messages.getMessage(messageKey, shown, locale));
        problem.put("instance", request.getRequestURI());

        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
