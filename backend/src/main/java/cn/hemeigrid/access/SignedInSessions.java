package cn.hemeigrid.access;

import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The stored sign-in sessions of an account, found by login name through Spring Session's
 * principal name index. A context without a web server (batch jobs) has no session store, and
 * then there is nothing to end.
 */
@Component
class SignedInSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessionStore;

    SignedInSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessionStore) {
        this.sessionStore = sessionStore;
    }

    /**
     * Ends every session of the login name except the one serving the current request, so an
     * administrator who resets their own password stays signed in. Returns how many ended.
     */
    int endAllButCurrent(String loginName) {
        FindByIndexNameSessionRepository<? extends Session> sessions = sessionStore.getIfAvailable();
        if (sessions == null) {
            return 0;
        }
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
