package cn.hemeigrid.reporting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.http.MediaType;

/**
 * A request whose body was read once into memory, so a filter can hash it and the controller
 * can still read it. Form posts are not read here: the servlet container parses their
 * parameters from the original stream.
 */
final class CachedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final boolean form;

    private CachedBodyRequest(HttpServletRequest request, byte[] body, boolean form) {
        super(request);
        this.body = body;
        this.form = form;
    }

    /** Reads the body through the size limit of the request, which fails with BodyTooLargeException. */
    static CachedBodyRequest read(HttpServletRequest request) throws IOException {
        String contentType = String.valueOf(request.getContentType()).toLowerCase(Locale.ROOT);
        boolean form = contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                || contentType.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
        byte[] body = form ? new byte[0] : request.getInputStream().readAllBytes();
        return new CachedBodyRequest(request, body, form);
    }

    boolean isForm() {
        return form;
    }

    byte[] body() {
        return body;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (form) {
            return super.getInputStream();
        }
        ByteArrayInputStream input = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return input.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return input.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return input.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("The body is already in memory; read it directly");
            }
        };
    }
}
