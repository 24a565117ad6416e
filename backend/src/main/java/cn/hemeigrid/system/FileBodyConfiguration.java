package cn.hemeigrid.system;

import java.util.Arrays;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Rejects a file sent as an HTML form (Content-Type application/x-www-form-urlencoded, the
 * default of {@code curl --data-binary}) to a handler that takes the raw body as an
 * {@link HttpEntity}. Tomcat would parse such a body as form fields as soon as a request
 * parameter is read, so the handler would see an empty body, or Tomcat would fail with 500 on
 * the bytes of a binary file. The check runs before the handler's parameters are read.
 */
@Configuration
class FileBodyConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method && takesRawBody(method) && isForm(request)) {
                    throw new RejectedRequestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request.file-sent-as-form");
                }
                return true;
            }
        });
    }

    private static boolean takesRawBody(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters())
                .anyMatch(parameter -> HttpEntity.class.isAssignableFrom(parameter.getParameterType()));
    }

    private static boolean isForm(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType));
        } catch (IllegalArgumentException unparsable) {
            return false;
        }
    }
}
