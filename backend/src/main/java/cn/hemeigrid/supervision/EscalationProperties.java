package cn.hemeigrid.supervision;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Escalation job settings (prefix {@code hemei.escalation}).
 *
 * @param enabled   run the job on a schedule; tests turn it off and call it directly
 * @param interval  pause between the end of one run and the start of the next
 * @param step      time overdue after which an incident still open for the same deadline is
 *                  raised one further level. Overdue at all means village/community, by
 *                  more than one step township, by more than two steps county.
 * @param batchSize incidents locked and escalated per transaction
 */
@ConfigurationProperties("hemei.escalation")
public record EscalationProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1m") Duration interval,
        @DefaultValue("24h") Duration step,
        @DefaultValue("100") int batchSize) {

    public EscalationProperties {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("hemei.escalation.interval must be positive, got " + interval);
        }
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("hemei.escalation.step must be positive, got " + step);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("hemei.escalation.batch-size must be at least 1, got " + batchSize);
        }
    }
}
