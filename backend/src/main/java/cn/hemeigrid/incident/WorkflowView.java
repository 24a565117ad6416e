package cn.hemeigrid.incident;

import java.time.Instant;
import java.util.List;

import cn.hemeigrid.CodeName;

/**
 * An incident as staff see it in the workflow: state, owner, route, deadlines with warning
 * colours, the actions allowed now, summons and the full history. It is served only inside the
 * caller's jurisdiction, so it is the one view with the reporter's contact in full.
 *
 * @param reporterContact  the contact the reporter gave, unmasked, or null
 * @param ownerAccountId   the account that accepted the incident (first receiver), or null
 * @param runningDeadline  the deadline of the current state, or null once handled
 * @param allowedActions   the steps a staff member can take in the current state
 */
public record WorkflowView(
        long id,
        String status,
        String statusName,
        String ownerName,
        String reporterContact,
        Long ownerAccountId,
        CodeName category,
        CodeName handlerRoute,
        CodeName department,
        String escalationLevel,
        String escalationLevelName,
        RunningDeadlineView runningDeadline,
        Instant assignDeadline,
        Instant handlingDeadline,
        int reopenCount,
        Long duplicateOfId,
        String rejectionReason,
        String rejectionReasonName,
        List<CodeName> allowedActions,
        List<SummonsView> summons,
        List<HistoryEntry> history) {

    public record RunningDeadlineView(String kind, String kindName, Instant due, String warning, String warningName) {
    }

    public record SummonsView(long id, CodeName department, String summonedBy, Instant summonedAt, String reason,
                              Instant responseDeadline, String warning, boolean answered, String answeredBy,
                              Instant answeredAt, String answer) {
    }

    /** One history row; {@code actorName} is null for the reporter, residents and the escalation job. */
    public record HistoryEntry(String action, String actionName, String fromStatus, String toStatus,
                               String toStatusName, String actorKind, String actorName, Instant at, String note,
                               List<String> photos) {
    }
}
