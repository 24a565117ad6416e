package cn.hemeigrid.access;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads an account for sign-in by its login name, with its password hash and roles. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final Accounts accounts;

    AccountUserDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String loginName) {
        String normalised = loginName == null ? "" : loginName.strip().toLowerCase(java.util.Locale.ROOT);
        Account account = accounts.findByLoginName(normalised)
                .orElseThrow(() -> new UsernameNotFoundException("No account"));
        String hash = accounts.passwordHash(normalised).orElseThrow(() -> new UsernameNotFoundException("No account"));
        return new AccountUser(account.id(), account.loginName(), hash, account.enabled(), authorities(account));
    }

    static List<SimpleGrantedAuthority> authorities(Account account) {
        return account.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }
}
