package cn.hemeigrid.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hemeigrid.CodeName;
import cn.hemeigrid.division.AdministrativeUnits;
import cn.hemeigrid.division.DivisionChain;
import cn.hemeigrid.incident.DeadlineKind;
import cn.hemeigrid.incident.EscalationLevel;
import cn.hemeigrid.incident.Incident;
import cn.hemeigrid.incident.IncidentStatus;
import cn.hemeigrid.incident.Incidents;

/**
 * Escalates overdue incidents one level (grid, village/community, township, county) and adds a
 * supervision record for each step.
 *
 * <p>An incident whose running deadline D has passed is raised one level when it has been
 * overdue for more than n steps, where n is the number of supervision records it already has
 * for D. So it goes up once when D passes and once more after each further step, until the
 * county. A new deadline (after dispatch or a reopening) starts the count again.
 *
 * <p>The job keeps no state in memory, so it picks up after a restart where it stopped. It is
 * safe with several server instances on one database: each batch locks its incidents with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED}, so two instances never work on the same incident
 * at once, and the instance that got the lock checks the condition again on fresh rows. The
 * unique constraint on (incident, deadline, level) rejects a second record for the same step
 * in any case.
 */
@Component
public class EscalationJob {

    private static final Logger log = LoggerFactory.getLogger(EscalationJob.class);

    private static final List<String> ASSIGN_STATUSES = statusesWith(DeadlineKind.ASSIGN);
    private static final List<String> HANDLING_STATUSES = statusesWith(DeadlineKind.HANDLING);

    private final JdbcClient jdbc;
    private final Incidents incidents;
    private final AdministrativeUnits divisions;
    private final TransactionTemplate transactions;
    private final EscalationProperties properties;
    private final Clock clock;

    EscalationJob(JdbcClient jdbc, Incidents incidents, AdministrativeUnits divisions,
                  TransactionTemplate transactions, EscalationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.divisions = divisions;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Escalates every incident due for escalation now, in batches of one transaction each; returns how many. */
    public int runOnce() {
        Instant now = clock.instant();
        long afterId = 0;
        int escalated = 0;

        while (true) {
            Batch batch = runBatch(afterId, now);
            escalated += batch.escalated();
            if (batch.lastId() == null) {
                break;
            }
            afterId = batch.lastId();
        }
        if (escalated > 0) {
            log.info("Escalation run escalated {} incidents", escalated);
        }
        return escalated;
    }

    /** @param lastId the highest incident id locked in this batch, or null when none was due */
    private record Batch(int escalated, Long lastId) {
    }

    private Batch runBatch(long afterId, Instant now) {
        return transactions.execute(status -> {
            List<Long> ids = lockDueIncidents(afterId, now);
            int escalated = 0;
            for (long id : ids) {
                if (escalate(id, now)) {
                    escalated++;
                }
            }
            incidents.flush();
            return new Batch(escalated, ids.isEmpty() ? null : ids.get(ids.size() - 1));
        });
    }

    /**
     * Locks the next batch of incidents that look due, skipping rows another instance holds.
     * The count of supervision records is read in this statement's snapshot, so each locked
     * incident is checked again in {@link #escalate} before anything is written.
     */
    private List<Long> lockDueIncidents(long afterId, Instant now) {
        return jdbc.sql("""
                        SELECT i.id
                          FROM incident i
                          CROSS JOIN LATERAL (SELECT CASE WHEN i.status IN (:assignStatuses) THEN i.assign_deadline
                                                          ELSE i.handling_deadline END AS due) d
                         WHERE i.id > :afterId
                           AND i.escalation_level <> 'county'
                           AND (i.status IN (:assignStatuses) OR i.status IN (:handlingStatuses))
                           AND d.due + make_interval(secs => :stepSeconds)
                                       * (SELECT count(*) FROM incident_supervision s
                                           WHERE s.incident_id = i.id AND s.deadline = d.due) < :now
                         ORDER BY i.id
                         LIMIT :batchSize
                           FOR UPDATE OF i SKIP LOCKED
                        """)
                .param("afterId", afterId)
                .param("assignStatuses", ASSIGN_STATUSES)
                .param("handlingStatuses", HANDLING_STATUSES)
                .param("stepSeconds", properties.step().toSeconds())
                .param("now", Timestamp.from(now))
                .param("batchSize", properties.batchSize())
                .query(Long.class)
                .list();
    }

    /** Escalates one locked incident if it is still due, judged on rows read after the lock. */
    private boolean escalate(long id, Instant now) {
        Incident incident = incidents.findById(id).orElseThrow();
        Optional<Incident.RunningDeadline> deadline = incident.runningDeadline();
        Optional<EscalationLevel> next = incident.escalationLevel().above();
        if (deadline.isEmpty() || next.isEmpty()) {
            return false;
        }
        Instant due = deadline.get().due();
        long recorded = jdbc.sql("SELECT count(*) FROM incident_supervision WHERE incident_id = ? AND deadline = ?")
                .params(id, Timestamp.from(due))
                .query(Long.class)
                .single();
        if (!now.isAfter(due.plus(properties.step().multipliedBy(recorded)))) {
            return false;
        }
        Optional<DivisionChain> chain = divisions.chainOf(incident.villageCode());
        if (chain.isEmpty()) {
            log.error("Incident {} cannot be escalated: village/community {} has no township and county above it",
                    id, incident.villageCode());
            return false;
        }
        CodeName unit = supervisingUnit(chain.get(), next.get());

        int inserted = jdbc.sql("""
                        INSERT INTO incident_supervision (incident_id, deadline_kind, deadline, level, unit_code, escalated_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (incident_id, deadline, level) DO NOTHING
                        """)
                .params(id, deadline.get().kind().code(), Timestamp.from(due), next.get().code(),
                        unit.code(), Timestamp.from(now))
                .update();
        if (inserted == 0) {
            log.warn("Incident {} was already escalated to {} for deadline {}; skipped", id, next.get().code(), due);
            return false;
        }
        incident.escalate(next.get(), unit.name(), now);
        log.info("Incident {} escalated to {} {} for missing its {} deadline {}", id, next.get().code(), unit.code(),
                deadline.get().kind().code(), due);
        return true;
    }

    private static CodeName supervisingUnit(DivisionChain chain, EscalationLevel level) {
        return switch (level) {
            case VILLAGE -> chain.village();
            case TOWNSHIP -> chain.township();
            case COUNTY -> chain.county();
            case GRID -> throw new IllegalArgumentException("The grid is the starting level, not an escalation");
        };
    }

    private static List<String> statusesWith(DeadlineKind kind) {
        return Arrays.stream(IncidentStatus.values())
                .filter(status -> status.runningDeadline().filter(kind::equals).isPresent())
                .map(IncidentStatus::code)
                .toList();
    }
}
