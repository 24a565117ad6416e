package cn.hemeigrid.access;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.hemeigrid.system.RejectedRequestException;

/** The account signed in for the request being served, as reloaded by {@link AccountRefreshFilter}. */
@Component
public class CurrentAccount {

    /** Returns the signed-in account, or empty for an anonymous request or a thread without a request. */
    public Optional<Account> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Account account) {
            return Optional.of(account);
        }
        return Optional.empty();
    }

    /**
     * Returns the signed-in account.
     *
     * @throws RejectedRequestException 401 without a signed-in account
     */
    public Account require() {
        return find().orElseThrow(() -> new RejectedRequestException(HttpStatus.UNAUTHORIZED, "access.sign-in-required"));
    }

    /**
     * Checks that the signed-in account has one of the roles.
     *
     * @throws RejectedRequestException 401 without a signed-in account, 403 without any of the roles
     */
    public Account requireAny(Role... roles) {
        Account account = require();
        for (Role role : roles) {
            if (account.has(role)) {
                return account;
            }
        }
        throw new RejectedRequestException(HttpStatus.FORBIDDEN, "access.forbidden");
    }
}
