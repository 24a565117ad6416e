package cn.hemeigrid.incident;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One row of an incident's history: a workflow step with who took it, when, its note and
 * photo references. Rows are only ever added; a database trigger rejects updates and deletes.
 */
@Entity
@Immutable
@Table(name = "incident_transition")
public class IncidentTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "incident_id")
    private Incident incident;

    private String action;
    private String fromStatus;
    private String toStatus;
    private String actorKind;
    private String actorName;
    private Long actorAccountId;
    private Instant occurredAt;
    private String note;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> photoRefs;

    protected IncidentTransition() {
    }

    IncidentTransition(Incident incident, WorkflowAction action, IncidentStatus from, IncidentStatus to,
                       WorkflowStep step) {
        this.incident = incident;
        this.action = action.code();
        this.fromStatus = from == null ? null : from.code();
        this.toStatus = to.code();
        this.actorKind = step.actor().kind().code();
        this.actorName = step.actor().name();
        this.actorAccountId = step.actor().accountId();
        this.occurredAt = step.at();
        this.note = step.hasNote() ? step.note().strip() : null;
        this.photoRefs = step.photoRefs();
    }

    public Long id() {
        return id;
    }

    public WorkflowAction action() {
        return WorkflowAction.fromCode(action).orElseThrow();
    }

    /** Returns the state before the step, or null for the report, which starts the history. */
    public IncidentStatus fromStatus() {
        return fromStatus == null ? null : IncidentStatus.fromCode(fromStatus).orElseThrow();
    }

    public IncidentStatus toStatus() {
        return IncidentStatus.fromCode(toStatus).orElseThrow();
    }

    public String actorKind() {
        return actorKind;
    }

    public String actorName() {
        return actorName;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String note() {
        return note;
    }

    public List<String> photoRefs() {
        return photoRefs == null ? List.of() : List.copyOf(photoRefs);
    }
}
