package cn.hemeigrid.system;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects request bodies larger than {@code hemei.http.max-request-size} (default 1 MB) before
 * they are parsed: at once with 413 when the Content-Length header exceeds it, and as soon as the limit is
 * passed for a body without a length, whose read then fails with {@link BodyTooLargeException}.
 * POST requests to the paths in {@code hemei.http.upload-paths} (file uploads) get the larger
 * limit {@code hemei.http.max-upload-size} (default 50 MB) instead, and a photo upload
 * (POST /api/v1/photos) gets {@code hemei.photos.max-size} plus 64 KB.
 */
@Component
@Order(RequestBodyLimitFilter.ORDER)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** Early, so that filters reading the body themselves read it through the limit. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    /** Room for the multipart headers around one photo. */
    static final long MULTIPART_ENVELOPE_BYTES = 64 * 1024;

    private final long maxBytes;
    private final long maxUploadBytes;
    private final long maxPhotoUploadBytes;
    private final List<String> uploadPaths;
    private final ProblemResponses problems;

    RequestBodyLimitFilter(@Value("${hemei.http.max-request-size:1MB}") DataSize maxSize,
                           @Value("${hemei.http.max-upload-size:50MB}") DataSize maxUploadSize,
                           @Value("${hemei.http.upload-paths:}") List<String> uploadPaths,
                           @Value("${hemei.photos.max-size:5MB}") DataSize maxPhotoSize,
                           ProblemResponses problems) {
        this.maxBytes = maxSize.toBytes();
        this.maxUploadBytes = maxUploadSize.toBytes();
        this.maxPhotoUploadBytes = maxPhotoSize.toBytes() + MULTIPART_ENVELOPE_BYTES;
        this.uploadPaths = List.copyOf(uploadPaths);
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "request.too-large", limit / 1024);
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private long limitFor(HttpServletRequest request) {
        if (!request.getMethod().equals("POST")) {
            return maxBytes;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.matches("/api/v1/photos/?")) {
            return maxPhotoUploadBytes;
        }
        return uploadPaths.contains(path) ? maxUploadBytes : maxBytes;
    }

    /** Thrown while reading a body that passes the limit; turned into 413 by {@link ProblemDetailsAdvice}. */
    public static final class BodyTooLargeException extends IOException {

        final long maxBytes;

        BodyTooLargeException(long maxBytes) {
            super("Request body exceeds " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        public long maxBytes() {
            return maxBytes;
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
