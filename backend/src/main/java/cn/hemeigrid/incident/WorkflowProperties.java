package cn.hemeigrid.incident;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Workflow settings (prefix {@code hemei.workflow}). The defaults follow common field practice
 * and are meant to be changed by a locality.
 *
 * @param reopenRatingAtMost    a resident's rating at or below this score (1 to 5) reopens the incident
 * @param summonsResponseLimit  time a summoned department has to answer when the summons sets none
 * @param yellowWarningShare    share of a deadline's period, at its end, that shows a yellow
 *                              warning: 0.2 turns a 10-hour limit yellow in its last 2 hours
 */
@ConfigurationProperties("hemei.workflow")
public record WorkflowProperties(
        @DefaultValue("2") int reopenRatingAtMost,
        @DefaultValue("24h") Duration summonsResponseLimit,
        @DefaultValue("0.2") double yellowWarningShare) {

    public WorkflowProperties {
        if (reopenRatingAtMost < 0 || reopenRatingAtMost > IncidentRating.MAX_SCORE) {
            throw new IllegalArgumentException("hemei.workflow.reopen-rating-at-most must be 0 to 5 (0 never reopens), got "
                    + reopenRatingAtMost);
        }
        if (summonsResponseLimit.isNegative() || summonsResponseLimit.isZero()) {
            throw new IllegalArgumentException("hemei.workflow.summons-response-limit must be positive, got "
                    + summonsResponseLimit);
        }
        if (!(yellowWarningShare >= 0 && yellowWarningShare <= 1)) {
            throw new IllegalArgumentException("hemei.workflow.yellow-warning-share must be 0 to 1, got "
                    + yellowWarningShare);
        }
    }
}
