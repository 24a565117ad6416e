package cn.hemeigrid.incident;

import static cn.hemeigrid.incident.IncidentStatus.ACCEPTED;
import static cn.hemeigrid.incident.IncidentStatus.CLOSED;
import static cn.hemeigrid.incident.IncidentStatus.DISPATCHED;
import static cn.hemeigrid.incident.IncidentStatus.DUPLICATE;
import static cn.hemeigrid.incident.IncidentStatus.HANDLED;
import static cn.hemeigrid.incident.IncidentStatus.IN_HANDLING;
import static cn.hemeigrid.incident.IncidentStatus.RATED;
import static cn.hemeigrid.incident.IncidentStatus.REJECTED;
import static cn.hemeigrid.incident.IncidentStatus.REOPENED;
import static cn.hemeigrid.incident.IncidentStatus.REPORTED;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of the workflow: the states each is allowed from and the state it leads to. Steps
 * without a target (reroute, summons, escalation) keep the state. This table is the single
 * source of the transition rules; the intent methods of {@link Incident} check it.
 */
public enum WorkflowAction {
    REPORT(null, EnumSet.noneOf(IncidentStatus.class)),
    ACCEPT(ACCEPTED, EnumSet.of(REPORTED)),
    DISPATCH(DISPATCHED, EnumSet.of(ACCEPTED, REOPENED)),
    START_HANDLING(IN_HANDLING, EnumSet.of(DISPATCHED, REOPENED)),
    MARK_HANDLED(HANDLED, EnumSet.of(IN_HANDLING)),
    CLOSE(CLOSED, EnumSet.of(HANDLED)),
    RATE(RATED, EnumSet.of(CLOSED)),
    REJECT(REJECTED, EnumSet.of(REPORTED, ACCEPTED)),
    MARK_DUPLICATE(DUPLICATE, EnumSet.of(REPORTED, ACCEPTED, DISPATCHED)),
    REOPEN(REOPENED, EnumSet.of(HANDLED, CLOSED, RATED)),
    REROUTE(null, EnumSet.of(ACCEPTED, DISPATCHED, IN_HANDLING, REOPENED)),
    SUMMON(null, EnumSet.of(ACCEPTED, DISPATCHED, IN_HANDLING, REOPENED)),
    ANSWER_SUMMONS(null, EnumSet.allOf(IncidentStatus.class)),
    ESCALATE(null, EnumSet.of(REPORTED, ACCEPTED, DISPATCHED, IN_HANDLING, REOPENED));

    /** Actions that staff request through the transitions endpoint. */
    public static final Set<WorkflowAction> STAFF_TRANSITIONS = EnumSet.of(ACCEPT, DISPATCH, START_HANDLING,
            MARK_HANDLED, CLOSE, REJECT, MARK_DUPLICATE, REOPEN, REROUTE);

    private final IncidentStatus target;
    private final Set<IncidentStatus> allowedFrom;

    WorkflowAction(IncidentStatus target, Set<IncidentStatus> allowedFrom) {
        this.target = target;
        this.allowedFrom = allowedFrom;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WorkflowAction> fromCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code().equals(code)).findFirst();
    }

    public boolean isAllowedFrom(IncidentStatus status) {
        return allowedFrom.contains(status);
    }

    /** Returns the state after this action taken in {@code current}. */
    public IncidentStatus next(IncidentStatus current) {
        return target == null ? current : target;
    }
}
