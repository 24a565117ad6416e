package cn.hemeigrid.access;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the pages who is signed in. Sign-in ({@code POST /api/v1/session/sign-in}) and
 * sign-out ({@code POST /api/v1/session/sign-out}) are served by Spring Security's filters,
 * configured in {@link SecurityConfiguration}.
 */
@RestController
class SessionController {

    private final CurrentAccount currentAccount;

    SessionController(CurrentAccount currentAccount) {
        this.currentAccount = currentAccount;
    }

    /** Returns the signed-in account, or {@code signedIn: false}; also sets the XSRF-TOKEN cookie. */
    @GetMapping("/api/v1/session")
    SessionView session(CsrfToken csrfToken) {
        csrfToken.getToken();
        return currentAccount.find().map(SessionView::of).orElseGet(SessionView::anonymous);
    }
}
