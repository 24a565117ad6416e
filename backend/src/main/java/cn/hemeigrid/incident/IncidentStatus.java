package cn.hemeigrid.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * States of an incident in the closed loop. The main path is reported, accepted (受理),
 * dispatched (分流交办), in handling (处置中), handled and awaiting verification (办结待核),
 * closed after on-site verification (核查结案) and rated by the resident. Side states are
 * rejected with a reason, duplicate of another incident, and reopened for rework (返工).
 */
public enum IncidentStatus {
    REPORTED, ACCEPTED, DISPATCHED, IN_HANDLING, HANDLED, CLOSED, RATED, REJECTED, DUPLICATE, REOPENED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IncidentStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }

    /** Returns whether work remains; a handled incident still awaits verification. */
    public boolean isOpen() {
        return switch (this) {
            case CLOSED, RATED, REJECTED, DUPLICATE -> false;
            default -> true;
        };
    }

    /** Returns the deadline that runs in this state: dispatch before, handling after dispatch, none once handled. */
    public Optional<DeadlineKind> runningDeadline() {
        return switch (this) {
            case REPORTED, ACCEPTED -> Optional.of(DeadlineKind.ASSIGN);
            case DISPATCHED, IN_HANDLING, REOPENED -> Optional.of(DeadlineKind.HANDLING);
            default -> Optional.empty();
        };
    }
}
