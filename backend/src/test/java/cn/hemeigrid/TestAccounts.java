package cn.hemeigrid;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.hemeigrid.access.Jurisdiction;

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

    /** Creates a whole-city account with the given roles (codes such as dispatcher_county) and returns its login name. */
    public static String create(JdbcClient jdbc, String displayName, String... roles) {
        return create(jdbc, new Jurisdiction.WholeCity(), displayName, roles);
    }

    /**
     * Creates an account with the given jurisdiction and roles and returns its login name. The
     * jurisdiction is stored as the administrator page stores it: a unit code, rows in
     * account_grid or a department code.
     */
    public static String create(JdbcClient jdbc, Jurisdiction jurisdiction, String displayName, String... roles) {
        String login = "t" + System.nanoTime() % 1_000_000_000L + "-" + SERIAL.incrementAndGet();
        String kind = jurisdiction instanceof Jurisdiction.Unit ? "unit"
                : jurisdiction instanceof Jurisdiction.Grids ? "grids"
                : jurisdiction instanceof Jurisdiction.Department ? "department"
                : "whole_city";
        String unitCode = jurisdiction instanceof Jurisdiction.Unit unit ? unit.unitCode() : null;
        String departmentCode = jurisdiction instanceof Jurisdiction.Department department
                ? department.departmentCode() : null;
        long id = jdbc.sql("""
                        INSERT INTO account (login_name, display_name, password_hash, jurisdiction_kind, unit_code,
                                             department_code)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(login, displayName, HASH, kind, unitCode, departmentCode).query(Long.class).single();
        Arrays.stream(roles).forEach(role -> jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (?, ?)")
                .params(id, role).update());
        if (jurisdiction instanceof Jurisdiction.Grids grids) {
            grids.gridCodes().forEach(code -> jdbc.sql("INSERT INTO account_grid (account_id, grid_code) VALUES (?, ?)")
                    .params(id, code).update());
        }
        return login;
    }

    /** Signs in as a new whole-city account with the given roles. */
    public static ApiClient signedIn(JdbcClient jdbc, int port, String displayName, String... roles) {
        return ApiClient.signedIn(port, create(jdbc, displayName, roles), PASSWORD);
    }

    /** Signs in as a new account with the given jurisdiction and roles. */
    public static ApiClient signedIn(JdbcClient jdbc, int port, Jurisdiction jurisdiction, String displayName,
                                     String... roles) {
        return ApiClient.signedIn(port, create(jdbc, jurisdiction, displayName, roles), PASSWORD);
    }

    public static long id(JdbcClient jdbc, String login) {
        return jdbc.sql("SELECT id FROM account WHERE login_name = ?").param(login).query(Long.class).single();
    }
}
