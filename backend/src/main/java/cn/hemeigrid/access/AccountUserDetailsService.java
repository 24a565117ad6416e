package cn.hemeigrid.access;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads an account for sign-in by its login name, with its password hash and roles, and marks
 * it locked after too many failed sign-ins ({@link SignInLimits}).
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final SignInLimits limits;

    AccountUserDetailsService(Accounts accounts, JdbcClient jdbc, SignInLimits limits) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.limits = limits;
    }

    @Override
    public UserDetails loadUserByUsername(String loginName) {
        String normalised = loginName == null ? "" : loginName.strip().toLowerCase(java.util.Locale.ROOT);
        Account account = accounts.findByLoginName(normalised)
                .orElseThrow(() -> new UsernameNotFoundException("No account"));
        String hash = accounts.passwordHash(normalised).orElseThrow(() -> new UsernameNotFoundException("No account"));
        return new AccountUser(account.id(), account.loginName(), hash, account.enabled(), isLocked(normalised),
                authorities(account));
    }

    /** Returns true when the login name had too many failed sign-ins recently, counted in the audit log. */
    private boolean isLocked(String loginName) {
        if (limits.maxFailures() == 0) {
            return false;
        }
        int failures = jdbc.sql("""
                        SELECT count(*) FROM audit_event
                        WHERE action = 'session.sign_in_failed' AND lower(login_name) = ?
                          AND occurred_at > now() - make_interval(secs => ?)
                          AND id > coalesce((SELECT max(id) FROM audit_event
                                             WHERE action = 'session.sign_in' AND login_name = ?), 0)""")
                .params(loginName, (double) limits.lockout().toSeconds(), loginName)
                .query(Integer.class).single();
        return failures >= limits.maxFailures();
    }

    static List<SimpleGrantedAuthority> authorities(Account account) {
        return account.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }
}
