package cn.hemeigrid.system;

import java.net.URI;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception into an RFC 9457 problem details response whose {@code detail} is in
 * the request's language. Spring MVC's own errors (missing parameter, wrong type, unreadable
 * body, unknown path, ...) take their text from the {@code problemDetail.*} keys of
 * messages.properties; the application's rejections from {@link RejectedRequestException}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final Set<String> UNSTORABLE_TEXT_STATES = Set.of("22021", "22P05");

    private final MessageSource messages;

    ProblemDetailsAdvice(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    @ExceptionHandler(RejectedRequestException.class)
    ProblemDetail rejected(RejectedRequestException exception) {
        Locale locale = LocaleContextHolder.getLocale();
        String detail = messages.getMessage(exception.messageKey(), exception.messageArguments(), locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(exception.status(), detail);
        problem.setType(URI.create("urn:hemei-grid:problem:" + exception.messageKey()));
        problem.setTitle(messages.getMessage("problem.title." + exception.status().value(), null,
                exception.status().getReasonPhrase(), locale));
        exception.properties().forEach(problem::setProperty);
        return problem;
    }

    /** Keeps Jackson's parser text out of the response, because it is English and names Java types. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
                ProblemDetail problem = rejected(new RejectedRequestException(HttpStatus.CONTENT_TOO_LARGE,
                        "request.too-large", tooLarge.maxBytes / 1024));
                return handleExceptionInternal(exception, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
        }
        ProblemDetail problem = createProblemDetail(exception, HttpStatus.BAD_REQUEST,
                "problem.unreadable-body", "problem.unreadable-body", null, request);
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Returns 400 when PostgreSQL rejects a character of user text (SQLSTATE 22021, such as
     * NUL, or 22P05), for text paths that do not check with {@link UserText} first.
     */
    @ExceptionHandler(DataAccessException.class)
    ProblemDetail databaseRejected(DataAccessException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNSTORABLE_TEXT_STATES.contains(sql.getSQLState())) {
                log.warn("Rejected request text the database cannot store: {}", sql.getMessage());
                return rejected(RejectedRequestException.badRequest("text.unstorable"));
            }
        }
        return unexpected(exception);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception exception) {
        log.error("Unexpected error while handling a request", exception);
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                messages.getMessage("problem.internal-error", null, locale));
        problem.setTitle(messages.getMessage("problem.title.500", null, locale));
        return problem;
    }
}
