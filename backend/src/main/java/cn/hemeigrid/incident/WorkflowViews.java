package cn.hemeigrid.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hemeigrid.CodeName;
import cn.hemeigrid.system.Labels;

/** Builds {@link WorkflowView}s, with display names in the request's language. */
@Component
class WorkflowViews {

    private final JdbcClient jdbc;
    private final Labels labels;
    private final WorkflowProperties properties;
    private final Clock clock;

    WorkflowViews(JdbcClient jdbc, Labels labels, WorkflowProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.labels = labels;
        this.properties = properties;
        this.clock = clock;
    }

    /** Builds the view; call inside the transaction that loaded the incident, because history and summons load lazily. */
    WorkflowView of(Incident incident) {
        Instant now = clock.instant();
        IncidentStatus status = incident.status();
        String rejection = incident.rejectionReason().map(RejectionReason::code).orElse(null);

        return new WorkflowView(
                incident.id(),
                status.code(),
                labels.of("incident.status", status.code()),
                incident.ownerName(),
                incident.reporterContact(),
                incident.ownerAccountId(),
                named("matter_category", incident.categoryCode()),
                named("handler_route", incident.handlerRouteCode()),
                named("department", incident.departmentCode()),
                incident.escalationLevel().code(),
                labels.of("escalation.level", incident.escalationLevel().code()),
                incident.runningDeadline().map(deadline -> runningDeadline(deadline, now)).orElse(null),
                incident.assignDeadline(),
                incident.handlingDeadline(),
                incident.reopenCount(),
                incident.duplicateOfId(),
                rejection,
                labels.of("workflow.rejection-reason", rejection),
                allowedActions(status),
                incident.summons().stream().map(summons -> summons(summons, now)).toList(),
                incident.history().stream().map(this::historyEntry).toList());
    }

    WorkflowView.HistoryEntry historyEntry(IncidentTransition transition) {
        IncidentStatus from = transition.fromStatus();
        return new WorkflowView.HistoryEntry(
                transition.action().code(),
                labels.of("workflow.action", transition.action().code()),
                from == null ? null : from.code(),
                transition.toStatus().code(),
                labels.of("incident.status", transition.toStatus().code()),
                transition.actorKind(),
                transition.actorName(),
                transition.occurredAt(),
                transition.note(),
                transition.photoRefs());
    }

    private WorkflowView.RunningDeadlineView runningDeadline(Incident.RunningDeadline deadline, Instant now) {
        DeadlineWarning warning = deadline.warningAt(now, properties.yellowWarningShare());
        return new WorkflowView.RunningDeadlineView(deadline.kind().code(),
                labels.of("deadline.kind", deadline.kind().code()), deadline.due(), warning.code(),
                labels.of("deadline.warning", warning.code()));
    }

    private List<CodeName> allowedActions(IncidentStatus status) {
        return Arrays.stream(WorkflowAction.values())
                .filter(action -> WorkflowAction.STAFF_TRANSITIONS.contains(action)
                        || action == WorkflowAction.SUMMON)
                .filter(action -> action.isAllowedFrom(status))
                .map(action -> new CodeName(action.code(), labels.of("workflow.action", action.code())))
                .toList();
    }

    private WorkflowView.SummonsView summons(Summons summons, Instant now) {
        String warning = summons.isAnswered()
                ? null
                : DeadlineWarning.at(now, summons.summonedAt(), summons.responseDeadline(),
                        properties.yellowWarningShare()).code();
        return new WorkflowView.SummonsView(summons.id(), named("department", summons.departmentCode()),
                summons.summonedBy(), summons.summonedAt(), summons.reason(), summons.responseDeadline(), warning,
                summons.isAnswered(), summons.answeredBy(), summons.answeredAt(), summons.answer());
    }

    /** Looks up the name of a coded row; the table name comes from this class only, never from a request. */
    private CodeName named(String table, String code) {
        String name = jdbc.sql("SELECT name FROM " + table + " WHERE code = ?").param(code).query(String.class)
                .optional().orElse(code);
        return new CodeName(code, name);
    }
}
