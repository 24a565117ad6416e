package cn.hemeigrid.system;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;

/**
 * Replaces Tomcat's English HTML error page for the errors Tomcat returns itself, before a
 * request reaches Spring: an encoded slash or another invalid character in the path, a
 * malformed request line, headers over the size limit. The body is RFC 9457 problem details
 * in Chinese, or English when Accept-Language prefers it, like the application's own errors.
 * Errors that Spring already answered keep their body: Tomcat calls the valve only for a
 * response that has none.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    private final MessageSource messages;

    ProblemErrorReportValve(MessageSource messages) {
        this.messages = messages;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        Locale locale = locale(request);
        String key = messageKey(status, throwable);
        String detail = messages.getMessage(key, new Object[] {String.valueOf(status)}, locale);
        String title = messages.getMessage("problem.title." + status, null, detail, locale);
        log.warn("Tomcat rejected a request with status {} before the application saw it: {}", status,
                throwable == null ? "no exception" : throwable.toString());

        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"urn:hemei-grid:problem:" + key + "\",\"title\":" + jsonString(title)
                        + ",\"status\":" + status + ",\"detail\":" + jsonString(detail) + "}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException failure) {
            log.warn("Failed to write the error response for status {}", status, failure);
        }
    }

    /**
     * Picks the message for the status. Tomcat 11 rejects headers over max-http-request-header-size
     * with 400 and an IllegalArgumentException whose message states that the header is too large.
     */
    private static String messageKey(int status, Throwable throwable) {
        String cause = throwable == null || throwable.getMessage() == null ? "" : throwable.getMessage();
        if (status == 400 && cause.toLowerCase(Locale.ROOT).contains("header is too large")) {
            return "server.rejected.header-too-large";
        }
        return switch (status) {
            case 400, 404, 405, 413, 414, 431, 500, 501, 505 -> "server.rejected." + status;
            default -> status < 500 ? "server.rejected.4xx" : "server.rejected.5xx";
        };
    }

    /** Chinese unless the Accept-Language header starts with English; the request may be only half parsed. */
    private static Locale locale(Request request) {
        String accepted = null;
        try {
            accepted = request.getHeader("Accept-Language");
        } catch (RuntimeException unparsed) {
            // The headers could not be read (for example they were too large): answer in Chinese.
        }
        return accepted != null && accepted.strip().toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH
                : Locale.SIMPLIFIED_CHINESE;
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
