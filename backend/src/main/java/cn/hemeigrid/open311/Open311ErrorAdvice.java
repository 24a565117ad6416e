package cn.hemeigrid.open311;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import cn.hemeigrid.system.RejectedRequestException;

/**
 * Turns rejections of the Open311 endpoints into the error list of GeoReport v2
 * ({@code [{"code": 404, "description": "..."}]}, or {@code <errors><error>} in XML), in the
 * format of the requested path and with the HTTP status as code. Everything else falls through
 * to the application's problem details.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311ErrorAdvice {

    private final MessageSource messages;

    Open311ErrorAdvice(MessageSource messages) {
        this.messages = messages;
    }

    record Open311Error(int code, String description) {
    }

    @ExceptionHandler(RejectedRequestException.class)
    ResponseEntity<String> rejected(RejectedRequestException exception, HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        String description = messages.getMessage(exception.messageKey(), exception.messageArguments(), locale);
        return error(exception.status(), description, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<String> typeMismatch(MethodArgumentTypeMismatchException exception, HttpServletRequest request) {
        String description = messages.getMessage("open311.number-invalid",
                new Object[] {exception.getName(), String.valueOf(exception.getValue())}, LocaleContextHolder.getLocale());
        return error(HttpStatus.BAD_REQUEST, description, request);
    }

    private static ResponseEntity<String> error(HttpStatus status, String description, HttpServletRequest request) {
        Open311Format format = request.getRequestURI().toLowerCase(Locale.ROOT).endsWith(".xml")
                ? Open311Format.XML
                : Open311Format.JSON;
        String body = format.writeList(List.of(new Open311Error(status.value(), description)), "errors", "error");
        return ResponseEntity.status(status).contentType(format.mediaType()).body(body);
    }
}
