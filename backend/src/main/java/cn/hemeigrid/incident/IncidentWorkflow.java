package cn.hemeigrid.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hemeigrid.access.Account;
import cn.hemeigrid.access.AuditLog;
import cn.hemeigrid.access.CurrentAccount;
import cn.hemeigrid.access.Jurisdiction;
import cn.hemeigrid.access.JurisdictionCondition;
import cn.hemeigrid.access.Role;
import cn.hemeigrid.catalogue.Deadlines;
import cn.hemeigrid.catalogue.MatterCatalogue;
import cn.hemeigrid.catalogue.MatterCategory;
import cn.hemeigrid.catalogue.WorkingCalendars;
import cn.hemeigrid.system.RejectedRequestException;

/**
 * Carries out workflow requests: validates the request, locks the incident row, calls the
 * intent method and returns the staff view, all in one transaction. Every staff method takes
 * the caller's jurisdiction: an incident outside it is rejected with the same 404 as a missing one.
 */
@Service
public class IncidentWorkflow {

    static final int MAX_NOTE_LENGTH = 2000;
    static final int MAX_COMMENT_LENGTH = 500;
    static final int MAX_PHOTO_REF_LENGTH = 500;
    private static final Pattern URL_SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");
    /** The {@code ref} that POST /api/v1/photos returns: a server-chosen name under the photo path. */
    private static final Pattern UPLOADED_PHOTO = Pattern.compile("/api/v1/photos/[0-9a-f]{32}\\.(jpg|png|webp)");
    static final Duration MAX_SUMMONS_RESPONSE_LIMIT = Duration.ofDays(60);

    private static final Logger log = LoggerFactory.getLogger(IncidentWorkflow.class);

    private final Incidents incidents;
    private final MatterCatalogue catalogue;
    private final WorkingCalendars calendars;
    private final WorkflowViews views;
    private final WorkflowProperties properties;
    private final JdbcClient jdbc;
    private final IncidentFollowers followers;
    private final MessageSource messages;
    private final Clock clock;
    private final CurrentAccount currentAccount;
    private final AuditLog audit;

    IncidentWorkflow(Incidents incidents, MatterCatalogue catalogue, WorkingCalendars calendars, WorkflowViews views,
                     WorkflowProperties properties, JdbcClient jdbc, IncidentFollowers followers,
                     MessageSource messages, Clock clock, CurrentAccount currentAccount, AuditLog audit) {
        this.incidents = incidents;
        this.catalogue = catalogue;
        this.calendars = calendars;
        this.views = views;
        this.properties = properties;
        this.jdbc = jdbc;
        this.followers = followers;
        this.messages = messages;
        this.clock = clock;
        this.currentAccount = currentAccount;
        this.audit = audit;
    }

    /**
     * A staff request for one step. Besides note and photos, {@code reason} is read by
     * reject, {@code duplicateOf} by mark_duplicate, {@code handlerRoute} by dispatch and
     * reroute, {@code department} by dispatch. {@code actor} is ignored: the step is recorded
     * under the signed-in account.
     */
    public record TransitionRequest(String action, String actor, String note, List<String> photos, String reason,
                                    Long duplicateOf, String handlerRoute, String department) {
    }

    /** Takes one staff step and returns the incident as staff see it afterwards. */
    @Transactional
    public WorkflowView apply(Jurisdiction jurisdiction, long id, TransitionRequest request) {
        WorkflowAction action = staffAction(request.action());
        WorkflowStep step = new WorkflowStep(signedInActor(WorkflowRoles.allowedFor(action)), clock.instant(),
                note(request.note(), "note"), photos(request.photos()));
        Incident incident = action == WorkflowAction.MARK_DUPLICATE
                ? lockWithOriginal(jurisdiction, id, request.duplicateOf())
                : lock(jurisdiction, id);

        switch (action) {
            case ACCEPT -> incident.accept(step);
            case DISPATCH -> incident.dispatch(step, optionalRoute(request.handlerRoute()),
                    optionalDepartment(request.department()));
            case START_HANDLING -> incident.startHandling(step);
            case MARK_HANDLED -> incident.markHandled(step);
            case CLOSE -> incident.verifyAndClose(step);
            case REJECT -> incident.reject(step, rejectionReason(request.reason()));
            case MARK_DUPLICATE -> markDuplicate(incident, lock(jurisdiction, request.duplicateOf()), step);
            case REOPEN -> incident.reopen(step, handlingDeadlineFrom(incident, step.at()));
            case REROUTE -> incident.reroute(step, requiredRoute(request.handlerRoute()));
            default -> throw new IllegalStateException("Not a staff transition: " + action);
        }
        incidents.flush();
        audit.record("incident." + action.code(), "incident", id, incident.status().code());

        log.info("Incident {}: {} by {}, now {}", id, action.code(), step.actor().name(), incident.status().code());
        return views.of(incident);
    }

    public record SummonsRequest(String actor, List<String> departments, String reason, Integer responseHours) {
    }

    /** Summons one or more departments (吹哨报到), each with its own response deadline. */
    @Transactional
    public WorkflowView summon(Jurisdiction jurisdiction, long id, SummonsRequest request) {
        if (request.reason() == null || request.reason().isBlank()) {
            throw RejectedRequestException.badRequest("workflow.summons-reason-missing");
        }
        WorkflowStep step = new WorkflowStep(signedInActor(WorkflowRoles.SUMMONERS), clock.instant(),
                note(request.reason(), "reason"), List.of());
        Set<String> departments = departments(request.departments());
        Instant responseDeadline = step.at().plus(responseLimit(request.responseHours()));
        Incident incident = lock(jurisdiction, id);

        for (String department : departments) {
            incident.summon(step, department, responseDeadline);
        }
        incidents.flush();
        audit.record("incident.summon", "incident", id, String.join(",", departments));

        log.info("Incident {}: {} summoned {}", id, step.actor().name(), departments);
        return views.of(incident);
    }

    public record AnswerRequest(String actor, String answer) {
    }

    /** Records a summoned department's answer. */
    @Transactional
    public WorkflowView answerSummons(Jurisdiction jurisdiction, long id, long summonsId, AnswerRequest request) {
        if (request.answer() == null || request.answer().isBlank()) {
            throw RejectedRequestException.badRequest("workflow.summons-answer-missing");
        }
        WorkflowStep step = new WorkflowStep(signedInActor(WorkflowRoles.SUMMONS_ANSWERERS), clock.instant(),
                note(request.answer(), "answer"), List.of());
        Incident incident = lock(jurisdiction, id);

        incident.answerSummons(summonsId, step);
        incidents.flush();
        audit.record("incident.answer_summons", "incident", id, "summons " + summonsId);

        log.info("Incident {}: summons {} answered by {}", id, summonsId, step.actor().name());
        return views.of(incident);
    }

    @Transactional(readOnly = true)
    public WorkflowView view(Jurisdiction jurisdiction, long id) {
        if (!selectInJurisdiction(jurisdiction, id, "")) {
            throw RejectedRequestException.notFound("incident.id-not-found", id);
        }
        return views.of(incidents.findById(id)
                .orElseThrow(() -> RejectedRequestException.notFound("incident.id-not-found", id)));
    }

    public record RatingRequest(Integer score, String comment) {
    }

    /**
     * Records the resident's rating, found by tracking code. A score at or below
     * {@code hemei.workflow.reopen-rating-at-most} reopens the incident as the resident's dispute.
     */
    @Transactional
    public IncidentStatus rate(String typedTrackingCode, RatingRequest request) {
        if (request.score() == null) {
            throw RejectedRequestException.badRequest("workflow.score-missing");
        }
        String comment = comment(request.comment());
        Instant now = clock.instant();
        Incident incident = Optional.ofNullable(TrackingCodes.normalise(typedTrackingCode))
                .flatMap(incidents::findByTrackingCodeForUpdate)
                .orElseThrow(() -> RejectedRequestException.notFound("incident.not-found", typedTrackingCode));

        incident.rate(request.score(), comment, now);
        if (request.score() <= properties.reopenRatingAtMost()) {
            incident.reopen(WorkflowStep.by(Actor.RESIDENT, now), handlingDeadlineFrom(incident, now));
        }
        incidents.flush();

        log.info("Incident {} rated {}, now {}", incident.id(), request.score(), incident.status().code());
        return incident.status();
    }

    /**
     * Marks the duplicate and moves its followers, and its reporter as a follower, to the
     * original. The history note records how many moved, in Chinese like the rest of the history.
     */
    private void markDuplicate(Incident duplicate, Incident original, WorkflowStep step) {
        int moving = followers.count(duplicate.id()) + 1;
        String mergeNote = messages.getMessage("follower.merged-note", new Object[] {moving, original.id()},
                Locale.SIMPLIFIED_CHINESE);
        String note = step.hasNote() ? step.note().strip() + "\n" + mergeNote : mergeNote;

        duplicate.markDuplicateOf(original, new WorkflowStep(step.actor(), step.at(), note, step.photoRefs()));
        followers.mergeInto(duplicate, original, step.at());
    }

    /**
     * Locks the incident row when it lies inside the jurisdiction. An incident outside it is
     * rejected with the same 404 as an id that does not exist, so the caller learns nothing about it.
     */
    private Incident lock(Jurisdiction jurisdiction, Long id) {
        if (id == null) {
            return missing("duplicateOf");
        }
        if (!selectInJurisdiction(jurisdiction, id, " FOR UPDATE OF i")) {
            throw RejectedRequestException.notFound("incident.id-not-found", id);
        }
        return incidents.findForUpdate(id)
                .orElseThrow(() -> RejectedRequestException.notFound("incident.id-not-found", id));
    }

    /** Locks both incidents in id order, so two requests marking each other as duplicates cannot deadlock. */
    private Incident lockWithOriginal(Jurisdiction jurisdiction, long id, Long originalId) {
        if (originalId == null) {
            return missing("duplicateOf");
        }
        if (originalId < id) {
            lock(jurisdiction, originalId);
        }
        return lock(jurisdiction, id);
    }

    /**
     * Tells whether the incident exists inside the jurisdiction. A {@code lockClause} such as
     * FOR UPDATE also locks its row.
     */
    private boolean selectInJurisdiction(Jurisdiction jurisdiction, long id, String lockClause) {
        JurisdictionCondition inJurisdiction = JurisdictionCondition.incidents(jurisdiction, "i");
        return jdbc.sql("SELECT i.id FROM incident i WHERE i.id = :id" + inJurisdiction.andSql() + lockClause)
                .params(inJurisdiction.parameters())
                .param("id", id)
                .query(Long.class)
                .optional()
                .isPresent();
    }

    /**
     * Returns the signed-in account as the actor of a staff step.
     *
     * @throws RejectedRequestException 401 without sign-in, 403 when the account has none of the roles
     */
    private Actor signedInActor(Set<Role> allowed) {
        Account account = currentAccount.requireAny(allowed.toArray(Role[]::new));
        return Actor.account(account.id(), account.displayName());
    }

    private Instant handlingDeadlineFrom(Incident incident, Instant from) {
        MatterCategory category = catalogue.find(incident.categoryCode())
                .orElseThrow(() -> new IllegalStateException("Incident " + incident.id() + " has category "
                        + incident.categoryCode() + ", which is missing from the catalogue"));
        return Deadlines.handlingDeadline(category, from, calendars.load());
    }

    private static WorkflowAction staffAction(String code) {
        if (code == null || code.isBlank()) {
            return missing("action");
        }
        return WorkflowAction.fromCode(code.strip())
                .filter(WorkflowAction.STAFF_TRANSITIONS::contains)
                .orElseThrow(() -> RejectedRequestException.badRequest("workflow.action-unknown", code));
    }

    private static RejectionReason rejectionReason(String code) {
        if (code == null || code.isBlank()) {
            return missing("reason");
        }
        return RejectionReason.fromCode(code.strip())
                .orElseThrow(() -> RejectedRequestException.badRequest("workflow.rejection-reason-unknown", code));
    }

    private String optionalRoute(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (!exists("SELECT EXISTS (SELECT 1 FROM handler_route WHERE code = ?)", code.strip())) {
            throw RejectedRequestException.badRequest("workflow.route-unknown", code);
        }
        return code.strip();
    }

    private String requiredRoute(String code) {
        String route = optionalRoute(code);
        return route == null ? missing("handlerRoute") : route;
    }

    private String optionalDepartment(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (!exists("SELECT EXISTS (SELECT 1 FROM department WHERE code = ?)", code.strip())) {
            throw RejectedRequestException.badRequest("workflow.department-unknown", code);
        }
        return code.strip();
    }

    private Set<String> departments(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return missing("departments");
        }
        Set<String> departments = new LinkedHashSet<>();
        for (String code : codes) {
            String department = optionalDepartment(code);
            if (department == null) {
                return missing("departments");
            }
            departments.add(department);
        }
        return departments;
    }

    private Duration responseLimit(Integer hours) {
        if (hours == null) {
            return properties.summonsResponseLimit();
        }
        Duration limit = Duration.ofHours(hours);
        if (hours < 1 || limit.compareTo(MAX_SUMMONS_RESPONSE_LIMIT) > 0) {
            throw RejectedRequestException.badRequest("workflow.response-hours-invalid",
                    MAX_SUMMONS_RESPONSE_LIMIT.toHours(), hours);
        }
        return limit;
    }

    private boolean exists(String sql, String code) {
        return jdbc.sql(sql).param(code).query(Boolean.class).single();
    }

    private static String note(String text, String field) {
        return limited(text, MAX_NOTE_LENGTH, field);
    }

    private static String comment(String text) {
        return limited(text, MAX_COMMENT_LENGTH, "comment");
    }

    private static String limited(String text, int maxLength, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > maxLength) {
            throw RejectedRequestException.badRequest("workflow.text-too-long", maxLength, length, field);
        }
        return trimmed;
    }

    static List<String> photos(List<String> references) {
        if (references == null) {
            return List.of();
        }
        if (references.size() > WorkflowStep.MAX_PHOTOS) {
            throw RejectedRequestException.badRequest("workflow.too-many-photos", WorkflowStep.MAX_PHOTOS,
                    references.size());
        }
        for (String reference : references) {
            boolean valid = reference != null && !reference.isEmpty() && reference.length() <= MAX_PHOTO_REF_LENGTH
                    && reference.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))
                    && hasSafeScheme(reference);
            if (!valid) {
                throw RejectedRequestException.badRequest("workflow.photo-invalid", MAX_PHOTO_REF_LENGTH,
                        String.valueOf(reference));
            }
        }
        return references;
    }

    /**
     * Returns true for the ref of an uploaded photo or an http or https URL. Pages and Open311
     * clients may turn a reference into a link, so javascript:, data: and file: references and
     * other paths such as ../../etc/passwd are rejected.
     */
    private static boolean hasSafeScheme(String reference) {
        Matcher scheme = URL_SCHEME.matcher(reference);
        if (!scheme.lookingAt()) {
            return UPLOADED_PHOTO.matcher(reference).matches();
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        return name.equals("http") || name.equals("https");
    }

    private static <T> T missing(String field) {
        throw RejectedRequestException.badRequest("workflow.field-missing", field);
    }
}
