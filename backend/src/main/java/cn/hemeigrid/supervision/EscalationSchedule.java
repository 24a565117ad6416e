package cn.hemeigrid.supervision;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the escalation job every {@code hemei.escalation.interval} unless
 * {@code hemei.escalation.enabled} is false. A run that fails is logged by Spring's scheduler
 * and the next run starts on time.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "hemei.escalation.enabled", matchIfMissing = true)
class EscalationSchedule {

    private final EscalationJob job;

    EscalationSchedule(EscalationJob job) {
        this.job = job;
    }

    @Scheduled(fixedDelayString = "${hemei.escalation.interval:1m}", initialDelayString = "${hemei.escalation.interval:1m}")
    void run() {
        job.runOnce();
    }
}
