package cn.hemeigrid.access;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reloads the signed-in account on every request, so that disabling an account, or changing
 * its roles or jurisdiction, applies from the account's next request on. A disabled or
 * missing account has its session invalidated and the request goes on as anonymous, so the
 * authorisation rules then return 401 or redirect to the sign-in page.
 */
class AccountRefreshFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AccountRefreshFilter.class);

    private final Accounts accounts;

    AccountRefreshFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountUser user) {
            Account account = accounts.find(user.accountId()).filter(Account::enabled).orElse(null);
            SecurityContext refreshed = SecurityContextHolder.createEmptyContext();
            if (account == null) {
                log.info("Session of account {} ended: account disabled or removed", user.accountId());
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else {
                refreshed.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null,
                        AccountUserDetailsService.authorities(account)));
            }
            SecurityContextHolder.setContext(refreshed);
        }
        chain.doFilter(request, response);
    }
}
