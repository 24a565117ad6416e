package cn.hemeigrid.incident;

import java.util.Locale;

import cn.hemeigrid.system.RejectedRequestException;

/**
 * The person or process that took a workflow step. Staff have a name; the reporter, a resident rating the result and
 * the escalation job do not.
 *
 * <p>NOTE: the server has no authentication yet, so a staff name is whatever the request
 * sent. It is recorded as typed and is not a verified identity.
 */
public record Actor(Kind kind, String name) {

    static final int MAX_NAME_LENGTH = 64;

    public enum Kind {
        REPORTER, STAFF, RESIDENT, SYSTEM;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final Actor REPORTER = new Actor(Kind.REPORTER, null);
    public static final Actor RESIDENT = new Actor(Kind.RESIDENT, null);
    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, null);

    /**
     * Validates a staff member's name from a request.
     *
     * @throws RejectedRequestException 400 when the name is missing or longer than 64 characters
     */
    public static Actor staff(String name) {
        if (name == null || name.isBlank()) {
            throw RejectedRequestException.badRequest("workflow.actor-missing");
        }
        String trimmed = name.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_NAME_LENGTH) {
            throw RejectedRequestException.badRequest("workflow.actor-too-long", MAX_NAME_LENGTH);
        }
        return new Actor(Kind.STAFF, trimmed);
    }

    boolean isStaff() {
        return kind == Kind.STAFF;
    }
}
