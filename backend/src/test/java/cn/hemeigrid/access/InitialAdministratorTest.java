package cn.hemeigrid.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

import cn.hemeigrid.PostgisTest;

/**
 * The first administrator from the settings. Each test runs in a transaction that is rolled
 * back, so removing the administrator role for the test leaves the shared data as it was.
 */
@PostgisTest
@Transactional
class InitialAdministratorTest {

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createdWhenNoAdministratorExists() {
        jdbc.sql("DELETE FROM account_role WHERE role = 'administrator'").update();

        start("first-admin", "first-password");

        Account created = accounts.findByLoginName("first-admin").orElseThrow();
        assertThat(created.has(Role.ADMINISTRATOR)).isTrue();
        assertThat(created.jurisdiction()).isEqualTo(new Jurisdiction.WholeCity());
        String hash = jdbc.sql("SELECT password_hash FROM account WHERE login_name = 'first-admin'")
                .query(String.class).single();
        assertThat(passwords.matches("first-password", hash)).isTrue();
    }

    @Test
    void ignoredWhenAnAdministratorExists() {
        start("second-admin", "second-password");

        assertThat(accounts.exists("second-admin")).isFalse();
    }

    @Test
    void shortPasswordStopsStart() {
        jdbc.sql("DELETE FROM account_role WHERE role = 'administrator'").update();

        assertThatThrownBy(() -> start("third-admin", "short"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 8 characters");
    }

    private void start(String login, String password) {
        new InitialAdministrator(accounts, passwords, jdbc, login, password).start();
    }
}
