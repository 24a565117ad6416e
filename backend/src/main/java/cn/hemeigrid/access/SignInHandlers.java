package cn.hemeigrid.access;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import cn.hemeigrid.system.ProblemResponses;

/**
 * Writes the JSON responses to sign-in and sign-out for the pages, and records each in the
 * audit log. Every failed sign-in gets the same message, whether the login name is unknown,
 * the password wrong or the account disabled, so the response does not reveal which accounts
 * exist.
 */
@Component
class SignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutSuccessHandler {

    private static final Logger log = LoggerFactory.getLogger(SignInHandlers.class);
    static final int MAX_LOGGED_NAME_LENGTH = 64;

    private final Accounts accounts;
    private final AuditLog audit;
    private final ProblemResponses problems;
    private final JsonMapper json;

    SignInHandlers(Accounts accounts, AuditLog audit, ProblemResponses problems, JsonMapper json) {
        this.accounts = accounts;
        this.audit = audit;
        this.problems = problems;
        this.json = json;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        AccountUser user = (AccountUser) authentication.getPrincipal();
        Account account = accounts.find(user.accountId()).orElseThrow();
        audit.write(account.id(), account.loginName(), "session.sign_in", "account", account.id(), null);
        log.info("Account {} signed in from {}", account.loginName(), request.getRemoteAddr());

        response.setStatus(HttpStatus.OK.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), SessionView.of(account));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String typed = request.getParameter("loginName");
        String loginName = typed == null ? null : typed.strip();
        if (loginName != null && loginName.length() > MAX_LOGGED_NAME_LENGTH) {
            loginName = loginName.substring(0, MAX_LOGGED_NAME_LENGTH);
        }
        audit.write(null, loginName, "session.sign_in_failed", null, null, exception.getClass().getSimpleName());
        log.info("Failed sign-in for login name '{}' from {}", loginName, request.getRemoteAddr());

        problems.write(request, response, HttpStatus.UNAUTHORIZED, "access.sign-in-failed");
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
                                Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof AccountUser user) {
            audit.write(user.accountId(), user.getUsername(), "session.sign_out", "account", user.accountId(), null);
            log.info("Account {} signed out", user.getUsername());
        }
        response.setStatus(HttpStatus.NO_CONTENT.value());
    }
}
