package cn.hemeigrid.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** The problem details for database failures: an outage is a 503 to retry, anything else a 500. */
class DatabaseFailureProblemTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice(messages(),
            org.springframework.util.unit.DataSize.ofMegabytes(5));

    @BeforeEach
    void chinese() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void postgresShutdownIsServiceUnavailable() {
        SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");

        ResponseEntity<ProblemDetail> response = advice.databaseFailed(
                new DataAccessResourceFailureException("could not execute statement", terminated));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(response.getBody().getDetail()).isEqualTo("服务器暂时无法访问数据库，请稍后重试。");
    }

    @Test
    void noConnectionForTransactionIsServiceUnavailable() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:55432 refused", "08001");

        ResponseEntity<ProblemDetail> response = advice.databaseFailed(
                new CannotCreateTransactionException("Could not open JPA EntityManager", refused));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void poolTimeoutIsServiceUnavailable() {
        SQLTransientConnectionException timeout = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 30000ms.");

        ResponseEntity<ProblemDetail> response = advice.databaseFailed(
                new DataAccessResourceFailureException("no connection", timeout));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void poolClosedConnectionIsUnavailable() {
        SQLException closed = new SQLException("Connection is closed");

        ResponseEntity<ProblemDetail> response = advice.databaseFailed(new JpaSystemException(
                new org.hibernate.TransactionException("Unable to rollback against JDBC Connection", closed)));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void failureWithoutSqlStateIsInternalError() {
        SQLException withoutState = new SQLException("something else went wrong");

        ResponseEntity<ProblemDetail> response = advice.databaseFailed(
                new DataAccessResourceFailureException("failed", withoutState));

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getBody().getStatus()).isEqualTo(500);
    }

    @Test
    void unstorableTextIsBadRequest() {
        SQLException nul = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");

        ResponseEntity<ProblemDetail> response = advice.databaseFailed(
                new DataAccessResourceFailureException("failed", nul));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
