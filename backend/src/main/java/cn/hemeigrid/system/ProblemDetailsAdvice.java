package cn.hemeigrid.system;

import java.net.URI;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

    /** Keeps Jackson's parser text out of the answer: it is English and names Java types. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = createProblemDetail(exception, HttpStatus.BAD_REQUEST,
                "problem.unreadable-body", "problem.unreadable-body", null, request);
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception exception) {
        log.error("Unexpected error while handling a request", exception);
        Locale locale = LocaleContextHolder.getLocale();
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                messages.getMessage("problem.internal-error", null, locale));
    }
}
