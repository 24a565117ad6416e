package cn.hemeigrid.incident;

import java.util.Locale;

import cn.hemeigrid.system.RejectedRequestException;

/**
 * The person or process that took a workflow step. Staff are signed-in accounts with a display
 * name; the reporter, a resident rating the result and the escalation job have neither.
 *
 * @param accountId the signed-in account of a staff step, null for the others and for staff
 *                  steps built without an account (unit tests of the intent methods)
 */
public record Actor(Kind kind, String name, Long accountId) {

    static final int MAX_NAME_LENGTH = 64;

    public enum Kind {
        REPORTER, STAFF, RESIDENT, SYSTEM;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final Actor REPORTER = new Actor(Kind.REPORTER, null, null);
    public static final Actor RESIDENT = new Actor(Kind.RESIDENT, null, null);
    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, null, null);

    /**
     * Validates a staff member's name, for steps taken without a signed-in account.
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
        return new Actor(Kind.STAFF, trimmed, null);
    }

    /** Creates the actor of a staff step taken by a signed-in account, recorded under its display name and id. */
    public static Actor account(long accountId, String displayName) {
        Actor named = staff(displayName);
        return new Actor(Kind.STAFF, named.name(), accountId);
    }

    boolean isStaff() {
        return kind == Kind.STAFF;
    }
}
