package cn.hemeigrid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/** Tests that a database outage in a filter before Spring MVC, such as the session store, returns 503. */
class DatabaseOutageFilterTest {

    private final DatabaseOutageFilter filter = new DatabaseOutageFilter(new ProblemResponses(messages(),
            new FixedLocaleResolver(Locale.SIMPLIFIED_CHINESE), JsonMapper.builder().build()));

    @Test
    void outageInFilterReturns503() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/incidents"), response, (request, ignored) -> {
            throw new DataAccessResourceFailureException("session load failed",
                    new SQLException("terminating connection due to administrator command", "57P01"));
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("数据库");
    }

    @Test
    void otherFailurePassesThrough() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/"), response, (request, ignored) -> {
            throw new IllegalStateException("not a database outage");
        })).isInstanceOf(IllegalStateException.class);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
