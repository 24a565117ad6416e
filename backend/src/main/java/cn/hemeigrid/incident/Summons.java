package cn.hemeigrid.incident;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A department summoned to an incident beyond the community's powers (吹哨报到), with its own
 * response deadline and, once it reports, its answer.
 */
@Entity
@Table(name = "incident_summons")
public class Summons {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "incident_id")
    private Incident incident;

    private String departmentCode;
    private String summonedBy;
    private Instant summonedAt;
    private String reason;
    private Instant responseDeadline;
    private String answeredBy;
    private Instant answeredAt;
    private String answer;

    protected Summons() {
    }

    Summons(Incident incident, String departmentCode, WorkflowStep step, Instant responseDeadline) {
        this.incident = incident;
        this.departmentCode = departmentCode;
        this.summonedBy = step.actor().name();
        this.summonedAt = step.at();
        this.reason = step.note().strip();
        this.responseDeadline = responseDeadline;
    }

    void answer(WorkflowStep step) {
        this.answeredBy = step.actor().name();
        this.answeredAt = step.at();
        this.answer = step.note().strip();
    }

    public Long id() {
        return id;
    }

    public String departmentCode() {
        return departmentCode;
    }

    public String summonedBy() {
        return summonedBy;
    }

    public Instant summonedAt() {
        return summonedAt;
    }

    public String reason() {
        return reason;
    }

    public Instant responseDeadline() {
        return responseDeadline;
    }

    public boolean isAnswered() {
        return answeredAt != null;
    }

    public String answeredBy() {
        return answeredBy;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public String answer() {
        return answer;
    }
}
