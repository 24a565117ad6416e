package cn.hemeigrid.system;

import java.net.URI;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
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
    private final DataSize maxPhotoSize;

    ProblemDetailsAdvice(MessageSource messages, @Value("${hemei.photos.max-size:5MB}") DataSize maxPhotoSize) {
        this.messages = messages;
        this.maxPhotoSize = maxPhotoSize;
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
     * Returns 413 for an upload over a multipart limit of the servlet container, such as a part
     * header (with the file name) longer than Tomcat accepts.
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        log.warn("Rejected an upload over a multipart limit: {}", exception.getMessage());
        ProblemDetail problem = rejected(new RejectedRequestException(HttpStatus.CONTENT_TOO_LARGE, "upload.too-large",
                maxPhotoSize.toMegabytes()));
        return handleExceptionInternal(exception, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    /**
     * Returns 400 when PostgreSQL rejects a character of user text (SQLSTATE 22021, such as
     * NUL, or 22P05), for text paths that do not check with {@link UserText} first, and 503
     * with Retry-After while the database cannot be reached ({@link DatabaseOutage}). The
     * connection pool replaces the broken connections, so the server serves again once
     * PostgreSQL is back.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> databaseFailed(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && UNSTORABLE_TEXT_STATES.contains(sql.getSQLState())) {
                log.warn("Rejected request text the database cannot store: {}", sql.getMessage());
                return ResponseEntity.badRequest().body(rejected(RejectedRequestException.badRequest("text.unstorable")));
            }
        }
        Optional<SQLException> outage = DatabaseOutage.cause(exception);
        if (outage.isPresent()) {
            log.warn("Database unavailable while handling a request (SQLSTATE {}): {}", outage.get().getSQLState(),
                    outage.get().getMessage());
            return databaseUnavailable();
        }
        return ResponseEntity.internalServerError().body(unexpected(exception));
    }

    private ResponseEntity<ProblemDetail> databaseUnavailable() {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                messages.getMessage("problem.database-unavailable", null, locale));
        problem.setType(URI.create("urn:hemei-grid:problem:database-unavailable"));
        problem.setTitle(messages.getMessage("problem.title.503", null, locale));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseOutage.RETRY_AFTER.toSeconds()))
                .body(problem);
    }

    /** Returns 400 for a multipart body that cannot be parsed, such as one without its closing boundary. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableUpload(MultipartException exception) {
        log.warn("Rejected an unreadable multipart request: {}", exception.getMessage());
        return rejected(RejectedRequestException.badRequest("upload.invalid"));
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
