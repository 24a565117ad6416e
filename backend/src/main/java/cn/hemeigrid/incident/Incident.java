package cn.hemeigrid.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import cn.hemeigrid.catalogue.Urgency;
import cn.hemeigrid.routing.ReportedLocation;
import cn.hemeigrid.routing.Routing;
import cn.hemeigrid.system.RejectedRequestException;

/**
 * A reported incident with the routing it received on arrival (including the grid versions it
 * was routed to) and its way through the workflow. Every state change goes through an intent method, which checks the transition
 * table of {@link WorkflowAction}, rejects an impossible step with a 409 that names the current
 * state, and appends the step to the history.
 *
 * <p>Callers hold a row lock on the incident (see {@link Incidents#findForUpdate}) while they
 * call an intent method, so two concurrent steps cannot both start from the same state.
 */
@Entity
@Table(name = "incident")
public class Incident {

    static final GeometryFactory CGCS2000 = new GeometryFactory(new PrecisionModel(), 4490);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String trackingCode;
    private Point location;
    private double reportedLon;
    private double reportedLat;
    private String reportedCrs;
    private String categoryCode;
    private String description;
    private String urgency;
    private String channel;
    private String reporterContact;
    private long gridId;
    private Long dedicatedGridId;
    private int gridVersion;
    private Integer dedicatedGridVersion;
    private String villageCode;
    private String departmentCode;
    private String handlerRouteCode;
    private boolean outsideCoverage;
    private double distanceMetres;
    private String status;
    private Instant reportedAt;
    private Instant assignDeadline;
    private Instant handlingDeadline;
    private Instant handlingCountedFrom;
    private Instant updatedAt;
    @Column(updatable = false)
    private String source;

    private String ownerName;
    private Long ownerAccountId;
    private Instant acceptedAt;
    private Instant dispatchedAt;
    private Instant handledAt;
    private Instant closedAt;
    private String rejectionReason;
    private Long duplicateOfId;
    private int reopenCount;
    private String escalationLevel;

    @OneToMany(mappedBy = "incident", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<IncidentTransition> history = new ArrayList<>();

    @OneToMany(mappedBy = "incident", cascade = {CascadeType.PERSIST, CascadeType.MERGE})
    @OrderBy("id")
    private List<Summons> summons = new ArrayList<>();

    @OneToMany(mappedBy = "incident", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<IncidentRating> ratings = new ArrayList<>();

    protected Incident() {
    }

    /** Creates a new incident in state 'reported' from a routed report, with the report as its first history row. */
    static Incident report(ReportedLocation location, Routing routing, String description, Urgency urgency,
                           Channel channel, String contact, List<String> photoRefs, Instant at) {
        Incident incident = new Incident();
        incident.trackingCode = TrackingCodes.next();
        incident.location = CGCS2000.createPoint(new Coordinate(routing.location().lon(), routing.location().lat()));
        incident.reportedLon = location.reported().lon();
        incident.reportedLat = location.reported().lat();
        incident.reportedCrs = location.crs().code();
        incident.categoryCode = routing.category().code();
        incident.description = description;
        incident.urgency = urgency.code();
        incident.channel = channel.code();
        incident.reporterContact = contact;
        incident.gridId = routing.grid().id();
        incident.dedicatedGridId = routing.dedicatedGrid() == null ? null : routing.dedicatedGrid().id();
        incident.gridVersion = routing.grid().version();
        incident.dedicatedGridVersion = routing.dedicatedGrid() == null ? null : routing.dedicatedGrid().version();
        incident.villageCode = routing.village().code();
        incident.departmentCode = routing.department().code();
        incident.handlerRouteCode = routing.handlerRoute().code();
        incident.outsideCoverage = routing.outsideCoverage();
        incident.distanceMetres = routing.distanceMetres();
        incident.status = IncidentStatus.REPORTED.code();
        incident.reportedAt = at;
        incident.assignDeadline = routing.assignDeadline();
        incident.handlingDeadline = routing.handlingDeadline();
        incident.handlingCountedFrom = at;
        incident.updatedAt = at;
        incident.source = "reported";
        incident.escalationLevel = EscalationLevel.GRID.code();
        incident.history.add(new IncidentTransition(incident, WorkflowAction.REPORT, null, IncidentStatus.REPORTED,
                new WorkflowStep(Actor.REPORTER, at, null, photoRefs)));
        return incident;
    }

    /** Marks a demonstration incident made by the data import, so it is never taken for a real report. */
    Incident markGenerated() {
        this.source = "generated";
        return this;
    }

    /**
     * Accepts the report (受理). The accepting staff member becomes the owner under
     * first-receiver responsibility and stays the owner to the end, whatever happens next.
     */
    public void accept(WorkflowStep step) {
        requireStaff(step);
        IncidentStatus from = guard(WorkflowAction.ACCEPT);

        ownerName = step.actor().name();
        ownerAccountId = step.actor().accountId();
        acceptedAt = step.at();
        moveTo(WorkflowAction.ACCEPT, from, step);
    }

    /**
     * Dispatches the incident (分流交办) to a handler route and department. Null keeps the current
     * one. A route other than the current one needs a note giving the reason.
     */
    public void dispatch(WorkflowStep step, String routeCode, String newDepartmentCode) {
        requireStaff(step);
        IncidentStatus from = guard(WorkflowAction.DISPATCH);
        boolean routeChanges = routeCode != null && !routeCode.equals(handlerRouteCode);
        if (routeChanges && !step.hasNote()) {
            throw RejectedRequestException.badRequest("workflow.reason-missing", actionLabel(WorkflowAction.REROUTE));
        }

        if (routeCode != null) {
            handlerRouteCode = routeCode;
        }
        if (newDepartmentCode != null) {
            departmentCode = newDepartmentCode;
        }
        dispatchedAt = step.at();
        moveTo(WorkflowAction.DISPATCH, from, step);
    }

    /** Starts on-site handling (处置中) by the handler the incident was dispatched to. */
    public void startHandling(WorkflowStep step) {
        requireStaff(step);
        IncidentStatus from = guard(WorkflowAction.START_HANDLING);

        moveTo(WorkflowAction.START_HANDLING, from, step);
    }

    /** Reports handling finished (办结待核); the note is the result that the reporter will see. */
    public void markHandled(WorkflowStep step) {
        requireStaff(step);
        IncidentStatus from = guard(WorkflowAction.MARK_HANDLED);
        requireNote(step, WorkflowAction.MARK_HANDLED);

        handledAt = step.at();
        moveTo(WorkflowAction.MARK_HANDLED, from, step);
    }

    /** Closes the incident after the grid worker verified the result on site (核查结案). */
    public void verifyAndClose(WorkflowStep step) {
        requireStaff(step);
        IncidentStatus from = guard(WorkflowAction.CLOSE);

        closedAt = step.at();
        moveTo(WorkflowAction.CLOSE, from, step);
    }

    /**
     * Records the resident's rating of a closed incident.
     *
     * @throws RejectedRequestException 400 for a score outside 1 to 5, 409 unless closed
     */
    public IncidentRating rate(int score, String comment, Instant at) {
        if (score < IncidentRating.MIN_SCORE || score > IncidentRating.MAX_SCORE) {
            throw RejectedRequestException.badRequest("workflow.score-invalid", IncidentRating.MIN_SCORE,
                    IncidentRating.MAX_SCORE, score);
        }
        IncidentStatus from = guard(WorkflowAction.RATE);

        IncidentRating rating = new IncidentRating(this, score, comment, at);
        ratings.add(rating);
        moveTo(WorkflowAction.RATE, from, WorkflowStep.by(Actor.RESIDENT, at));
        return rating;
    }

    /** Rejects the report (不予受理) with a reason; the reason {@code OTHER} needs a note. */
    public void reject(WorkflowStep step, RejectionReason reason) {
        requireStaff(step);
        IncidentStatus from = guard(WorkflowAction.REJECT);
        if (reason == RejectionReason.OTHER) {
            requireNote(step, WorkflowAction.REJECT);
        }

        rejectionReason = reason.code();
        moveTo(WorkflowAction.REJECT, from, step);
    }

    /**
     * Marks this incident a duplicate of an earlier report of the same matter, which goes on in
     * its place. The original must be neither rejected nor a duplicate itself.
     */
    public void markDuplicateOf(Incident original, WorkflowStep step) {
        requireStaff(step);
        IncidentStatus from = guard(WorkflowAction.MARK_DUPLICATE);
        if (original.id.equals(id)) {
            throw RejectedRequestException.badRequest("workflow.duplicate-of-itself", id);
        }
        if (original.status() == IncidentStatus.DUPLICATE) {
            throw RejectedRequestException.conflict("workflow.duplicate-of-duplicate", original.id,
                    original.duplicateOfId);
        }
        if (original.status() == IncidentStatus.REJECTED) {
            throw RejectedRequestException.conflict("workflow.duplicate-of-rejected", original.id);
        }

        duplicateOfId = original.id;
        moveTo(WorkflowAction.MARK_DUPLICATE, from, step);
    }

    /**
     * Reopens the incident for rework (返工) because verification failed or the resident disputes
     * the result. The handling limit starts again from now; staff must give the reason.
     */
    public void reopen(WorkflowStep step, Instant newHandlingDeadline) {
        IncidentStatus from = guard(WorkflowAction.REOPEN);
        if (step.actor().isStaff()) {
            requireNote(step, WorkflowAction.REOPEN);
        }

        reopenCount++;
        handlingCountedFrom = step.at();
        handlingDeadline = newHandlingDeadline;
        moveTo(WorkflowAction.REOPEN, from, step);
    }

    /** Changes the handler route of four-way routing; the note must give the reason. */
    public void reroute(WorkflowStep step, String routeCode) {
        requireStaff(step);
        IncidentStatus from = guard(WorkflowAction.REROUTE);
        requireNote(step, WorkflowAction.REROUTE);
        if (routeCode.equals(handlerRouteCode)) {
            throw RejectedRequestException.badRequest("workflow.route-unchanged", routeCode);
        }

        handlerRouteCode = routeCode;
        moveTo(WorkflowAction.REROUTE, from, step);
    }

    /**
     * Summons a department to the incident (吹哨报到); the note gives the reason. A department
     * with an unanswered summons for this incident cannot be summoned again until it answers.
     */
    public Summons summon(WorkflowStep step, String department, Instant responseDeadline) {
        requireStaff(step);
        IncidentStatus from = guard(WorkflowAction.SUMMON);
        requireNote(step, WorkflowAction.SUMMON);
        boolean alreadyOpen = summons.stream()
                .anyMatch(s -> s.departmentCode().equals(department) && !s.isAnswered());
        if (alreadyOpen) {
            throw RejectedRequestException.conflict("workflow.summons-open", department);
        }
        if (!responseDeadline.isAfter(step.at())) {
            throw new IllegalArgumentException("Response deadline " + responseDeadline + " is not after " + step.at());
        }

        Summons summoned = new Summons(this, department, step, responseDeadline);
        summons.add(summoned);
        moveTo(WorkflowAction.SUMMON, from, step);
        return summoned;
    }

    /** Records a summoned department's answer (报到); the note is the answer. */
    public Summons answerSummons(long summonsId, WorkflowStep step) {
        requireStaff(step);
        IncidentStatus from = guard(WorkflowAction.ANSWER_SUMMONS);
        requireNote(step, WorkflowAction.ANSWER_SUMMONS);
        Summons summoned = summons.stream()
                .filter(s -> s.id() != null && s.id() == summonsId)
                .findFirst()
                .orElseThrow(() -> RejectedRequestException.notFound("workflow.summons-not-found", summonsId, id));
        if (summoned.isAnswered()) {
            throw RejectedRequestException.conflict("workflow.summons-answered", summonsId);
        }

        summoned.answer(step);
        moveTo(WorkflowAction.ANSWER_SUMMONS, from, step);
        return summoned;
    }

    /**
     * Raises supervision one level (提级督办) because the running deadline was missed. The note
     * names the supervising unit.
     *
     * @throws IllegalStateException when {@code level} is not the level directly above the current one
     */
    public void escalate(EscalationLevel level, String supervisingUnit, Instant at) {
        IncidentStatus from = guard(WorkflowAction.ESCALATE);
        if (escalationLevel().above().filter(level::equals).isEmpty()) {
            throw new IllegalStateException("Incident " + id + " is at level " + escalationLevel
                    + " and cannot be escalated to " + level.code());
        }

        escalationLevel = level.code();
        moveTo(WorkflowAction.ESCALATE, from, new WorkflowStep(Actor.SYSTEM, at, supervisingUnit, List.of()));
    }

    /** Returns the deadline that runs in the current state, or empty once handled. */
    public Optional<RunningDeadline> runningDeadline() {
        return RunningDeadline.of(status(), reportedAt, assignDeadline, handlingCountedFrom, handlingDeadline);
    }

    /** A deadline with the start of the period it ends, for warning colours. */
    public record RunningDeadline(DeadlineKind kind, Instant countedFrom, Instant due) {

        /**
         * Picks the deadline that runs in {@code status}: the assign deadline, counted from the
         * report, before dispatch and the handling deadline after it. Empty once handled.
         */
        public static Optional<RunningDeadline> of(IncidentStatus status, Instant reportedAt, Instant assignDeadline,
                                                   Instant handlingCountedFrom, Instant handlingDeadline) {
            return status.runningDeadline().map(kind -> kind == DeadlineKind.ASSIGN
                    ? new RunningDeadline(kind, reportedAt, assignDeadline)
                    : new RunningDeadline(kind, handlingCountedFrom, handlingDeadline));
        }

        public DeadlineWarning warningAt(Instant now, double yellowShare) {
            return DeadlineWarning.at(now, countedFrom, due, yellowShare);
        }
    }

    private IncidentStatus guard(WorkflowAction action) {
        IncidentStatus current = status();
        if (!action.isAllowedFrom(current)) {
            throw RejectedRequestException.conflict("workflow.not-allowed", actionLabel(action),
                            new DefaultMessageSourceResolvable("incident.status." + current.code()))
                    .withProperty("currentStatus", current.code())
                    .withProperty("action", action.code());
        }
        return current;
    }

    private void moveTo(WorkflowAction action, IncidentStatus from, WorkflowStep step) {
        IncidentStatus to = action.next(from);
        status = to.code();
        updatedAt = step.at();
        history.add(new IncidentTransition(this, action, from, to, step));
    }

    private static void requireStaff(WorkflowStep step) {
        if (!step.actor().isStaff()) {
            throw new IllegalArgumentException("Only staff take this step, not " + step.actor().kind());
        }
    }

    private static void requireNote(WorkflowStep step, WorkflowAction action) {
        if (!step.hasNote()) {
            throw RejectedRequestException.badRequest("workflow.note-missing", actionLabel(action));
        }
    }

    private static DefaultMessageSourceResolvable actionLabel(WorkflowAction action) {
        return new DefaultMessageSourceResolvable("workflow.action." + action.code());
    }

    public Long id() {
        return id;
    }

    public String trackingCode() {
        return trackingCode;
    }

    public Point location() {
        return location;
    }

    public double reportedLon() {
        return reportedLon;
    }

    public double reportedLat() {
        return reportedLat;
    }

    public String reportedCrs() {
        return reportedCrs;
    }

    public String categoryCode() {
        return categoryCode;
    }

    public String description() {
        return description;
    }

    public String urgency() {
        return urgency;
    }

    public String channel() {
        return channel;
    }

    /** Returns the contact the reporter gave, unmasked, or null. Only the single-incident staff view shows it. */
    public String reporterContact() {
        return reporterContact;
    }

    public String villageCode() {
        return villageCode;
    }

    public String departmentCode() {
        return departmentCode;
    }

    public String handlerRouteCode() {
        return handlerRouteCode;
    }

    public IncidentStatus status() {
        return IncidentStatus.fromCode(status).orElseThrow();
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public int gridVersion() {
        return gridVersion;
    }

    public Instant assignDeadline() {
        return assignDeadline;
    }

    public Instant handlingDeadline() {
        return handlingDeadline;
    }

    /** Returns the first receiver who accepted the incident, or null before acceptance. */
    public String ownerName() {
        return ownerName;
    }

    /** Returns the account that accepted the incident, or null before acceptance or for older rows. */
    public Long ownerAccountId() {
        return ownerAccountId;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Optional<RejectionReason> rejectionReason() {
        return RejectionReason.fromCode(rejectionReason);
    }

    public Long duplicateOfId() {
        return duplicateOfId;
    }

    public int reopenCount() {
        return reopenCount;
    }

    public EscalationLevel escalationLevel() {
        return EscalationLevel.fromCode(escalationLevel).orElseThrow();
    }

    public List<IncidentTransition> history() {
        return Collections.unmodifiableList(history);
    }

    public List<Summons> summons() {
        return Collections.unmodifiableList(summons);
    }

    public List<IncidentRating> ratings() {
        return Collections.unmodifiableList(ratings);
    }
}
