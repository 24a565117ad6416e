package cn.hemeigrid.access;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The principal stored in the session after sign-in. It carries the account id, so each later
 * request reloads the account and applies a disabled state, new roles or a new jurisdiction at
 * once (see {@link AccountRefreshFilter}).
 */
class AccountUser extends User {

    private final long accountId;

    AccountUser(long accountId, String loginName, String passwordHash, boolean enabled, boolean locked,
                Collection<? extends GrantedAuthority> authorities) {
        super(loginName, passwordHash, enabled, true, true, !locked, authorities);
        this.accountId = accountId;
    }

    long accountId() {
        return accountId;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
