package cn.hemeigrid.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on failed sign-ins (prefix {@code hemei.access.sign-in}). After {@code maxFailures}
 * failures of one login name within {@code lockout}, with no successful sign-in since, the
 * name is locked until the latest failure is {@code lockout} old. A locked name gets the same
 * response as a wrong password, and each further attempt counts as a failure.
 *
 * @param maxFailures failed sign-ins that lock a login name; 0 never locks
 * @param lockout     period the failures are counted in, and the lock's length after the latest one
 */
@ConfigurationProperties("hemei.access.sign-in")
public record SignInLimits(@DefaultValue("10") int maxFailures, @DefaultValue("15m") Duration lockout) {

    public SignInLimits {
        if (maxFailures < 0) {
            throw new IllegalArgumentException("hemei.access.sign-in.max-failures must be 0 or more, got " + maxFailures);
        }
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("hemei.access.sign-in.lockout must be positive, got " + lockout);
        }
    }
}
