package cn.hemeigrid.system;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * Rejects request bodies larger than {@code hemei.http.max-request-size} (default 1 MB) before
 * they are parsed: at once with 413 when the Content-Length header exceeds it, and as soon as the limit is
 * passed for a body without a length, whose read then fails with {@link BodyTooLargeException}.
 * POST requests to the paths in {@code hemei.http.upload-paths} (file uploads) get the larger
 * limit {@code hemei.http.max-upload-size} (default 50 MB) instead.
 */
@Component
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final long maxUploadBytes;
    private final List<String> uploadPaths;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    RequestBodyLimitFilter(@Value("${hemei.http.max-request-size:1MB}") DataSize maxSize,
                           @Value("${hemei.http.max-upload-size:50MB}") DataSize maxUploadSize,
                           @Value("${hemei.http.upload-paths:}") List<String> uploadPaths,
                           MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.maxBytes = maxSize.toBytes();
        this.maxUploadBytes = maxUploadSize.toBytes();
        this.uploadPaths = List.copyOf(uploadPaths);
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = isUpload(request) ? maxUploadBytes : maxBytes;
        if (request.getContentLengthLong() > limit) {
            writeTooLarge(request, response, limit);
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private boolean isUpload(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getMethod().equals("POST") && uploadPaths.contains(path);
    }

    private void writeTooLarge(HttpServletRequest request, HttpServletResponse response, long limit)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:hemei-grid:problem:request.too-large");
        problem.put("title", messages.getMessage("problem.title.413", null, locale));
        problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
        problem.put("detail", messages.getMessage("request.too-large", new Object[] {String.valueOf(limit / 1024)},
                locale));
        problem.put("instance", request.getRequestURI());

        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(problem));
    }

    /** Thrown while reading a body that passes the limit; turned into 413 by {@link ProblemDetailsAdvice}. */
    static final class BodyTooLargeException extends IOException {

        final long maxBytes;

        BodyTooLargeException(long maxBytes) {
            super("Request body exceeds " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream body = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int next = body.read();
                    if (next >= 0) {
                        count(1);
                    }
                    return next;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int count = body.read(buffer, offset, length);
                    if (count > 0) {
                        count(count);
                    }
                    return count;
                }

                private void count(long bytes) throws BodyTooLargeException {
                    read += bytes;
                    if (read > maxBytes) {
                        throw new BodyTooLargeException(maxBytes);
                    }
                }

                @Override
                public boolean isFinished() {
                    return body.isFinished();
                }

                @Override
                public boolean isReady() {
                    return body.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    body.setReadListener(listener);
                }
            };
        }
    }
}
