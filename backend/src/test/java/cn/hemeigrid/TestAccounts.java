package cn.hemeigrid;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Creates staff accounts straight in the database for tests, each with a unique login name
 * and the password {@link #PASSWORD}.
 */
public final class TestAccounts {

    public static final String PASSWORD = "test-password-1";

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private static final String HASH = ENCODER.encode(PASSWORD);
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private TestAccounts() {
    }

    /** An account of the whole city with the given roles (codes such as dispatcher_county); returns its login name. */
    public static String create(JdbcClient jdbc, String displayName, String... roles) {
        String login = "t" + System.nanoTime() % 1_000_000_000L + "-" + SERIAL.incrementAndGet();
        long id = jdbc.sql("""
                        INSERT INTO account (login_name, display_name, password_hash, jurisdiction_kind)
                        VALUES (?, ?, ?, 'whole_city') RETURNING id""")
                .params(login, displayName, HASH).query(Long.class).single();
        Arrays.stream(roles).forEach(role -> jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (?, ?)")
                .params(id, role).update());
        return login;
    }

    /** Signs in as a new whole-city account with the given roles. */
    public static ApiClient signedIn(JdbcClient jdbc, int port, String displayName, String... roles) {
        return ApiClient.signedIn(port, create(jdbc, displayName, roles), PASSWORD);
    }

    public static long id(JdbcClient jdbc, String login) {
        return jdbc.sql("SELECT id FROM account WHERE login_name = ?").param(login).query(Long.class).single();
    }
}
