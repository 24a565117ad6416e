package cn.hemeigrid.access;

import jakarta.servlet.http.HttpSession;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The stored sign-in sessions of an account, found by login name through Spring Session's principal name index. */
@Component
class SignedInSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SignedInSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /**
     * Ends every session of the login name except the one serving the current request, so an
     * administrator who resets their own password stays signed in. Returns how many ended.
     */
    int endAllButCurrent(String loginName) {
        String current = currentSessionId();
        int ended = 0;
        for (String id : sessions.findByPrincipalName(loginName).keySet()) {
            if (!id.equals(current)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        return ended;
    }

    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }
}
