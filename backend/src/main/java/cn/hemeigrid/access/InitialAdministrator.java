package cn.hemeigrid.access;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator from {@code hemei.access.initial-administrator.login} and
 * {@code .password} when no administrator account exists yet, so a server without the demo
 * profile can be signed into. Once any administrator exists the settings are ignored.
 */
@Component
class InitialAdministrator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final JdbcClient jdbc;
    private final String login;
    private final String password;
    private volatile boolean running;

    InitialAdministrator(Accounts accounts, PasswordEncoder passwords, JdbcClient jdbc,
                         @Value("${hemei.access.initial-administrator.login:}") String login,
                         @Value("${hemei.access.initial-administrator.password:}") String password) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.login = login.strip().toLowerCase(java.util.Locale.ROOT);
        this.password = password;
    }

    @Override
    public void start() {
        running = true;
        boolean anyAdministrator = jdbc.sql("SELECT EXISTS (SELECT 1 FROM account_role WHERE role = 'administrator')")
                .query(Boolean.class).single();
        if (anyAdministrator) {
            return;
        }
        if (login.isEmpty() || password.isEmpty()) {
            log.warn("No administrator account exists; set HEMEI_ACCESS_INITIAL_ADMINISTRATOR_LOGIN and "
                    + "HEMEI_ACCESS_INITIAL_ADMINISTRATOR_PASSWORD, or start with the demo profile, to sign in");
            return;
        }
        if (!login.matches(AccountAdministration.LOGIN_PATTERN)
                || password.length() < AccountAdministration.MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("hemei.access.initial-administrator: the login must match "
                    + AccountAdministration.LOGIN_PATTERN + " and the password have at least "
                    + AccountAdministration.MIN_PASSWORD_LENGTH + " characters");
        }
        if (accounts.exists(login)) {
            throw new IllegalStateException("hemei.access.initial-administrator: account '" + login
                    + "' exists but is no administrator; choose another login name");
        }
        accounts.create(login, "管理员", passwords.encode(password), EnumSet.of(Role.ADMINISTRATOR),
                new Jurisdiction.WholeCity(), null);
        log.info("Created the initial administrator account '{}'", login);
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Runs after the data import and the demo accounts. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 2;
    }
}
