package cn.hemeigrid.system;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request the server understood but will not carry out. The message key and arguments are
 * resolved in the request's language by {@link ProblemDetailsAdvice}; extra properties are
 * added to the problem details as members (for example the corrected coordinates).
 */
public class RejectedRequestException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final Object[] messageArguments;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public RejectedRequestException(HttpStatus status, String messageKey, Object... messageArguments) {
        super(messageKey + " " + Arrays.toString(messageArguments));
        this.status = status;
        this.messageKey = messageKey;
        this.messageArguments = Arrays.stream(messageArguments).map(RejectedRequestException::plain).toArray();
    }

    /** Renders numbers as typed (114.4055, 2000), not with MessageFormat's rounding and grouping. */
    private static Object plain(Object argument) {
        return argument instanceof Number ? String.valueOf(argument) : argument;
    }

    public static RejectedRequestException badRequest(String messageKey, Object... arguments) {
        return new RejectedRequestException(HttpStatus.BAD_REQUEST, messageKey, arguments);
    }

    public static RejectedRequestException notFound(String messageKey, Object... arguments) {
        return new RejectedRequestException(HttpStatus.NOT_FOUND, messageKey, arguments);
    }

    public static RejectedRequestException conflict(String messageKey, Object... arguments) {
        return new RejectedRequestException(HttpStatus.CONFLICT, messageKey, arguments);
    }

    public static RejectedRequestException unprocessable(String messageKey, Object... arguments) {
        return new RejectedRequestException(HttpStatus.UNPROCESSABLE_CONTENT, messageKey, arguments);
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] messageArguments() {
        return messageArguments.clone();
    }

    /** Adds a member to the problem details, for example the current version of a changed record. */
    public RejectedRequestException withProperty(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }
}
