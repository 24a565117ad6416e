package cn.hemeigrid.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Warning colour of a running deadline: green with time to spare, yellow in the last part of
 * the period, red once the deadline has passed.
 */
public enum DeadlineWarning {
    GREEN, YELLOW, RED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the colour at {@code now} of a deadline {@code due} whose period began at
     * {@code countedFrom}; yellow covers the last {@code yellowShare} of the period. A deadline
     * is red only after it has passed, not at the instant itself.
     */
    public static DeadlineWarning at(Instant now, Instant countedFrom, Instant due, double yellowShare) {
        if (now.isAfter(due)) {
            return RED;
        }
        long periodMillis = Math.max(0, Duration.between(countedFrom, due).toMillis());
        Instant yellowFrom = due.minusMillis(Math.round(periodMillis * yellowShare));
        return now.isBefore(yellowFrom) ? GREEN : YELLOW;
    }
}
