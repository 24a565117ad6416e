package cn.hemeigrid.catalogue;

import java.time.Duration;
import java.time.Instant;

/**
 * The assign and handling deadlines of an incident reported at a given instant.
 *
 * <p>Working days follow a {@link WorkingCalendar}: public holidays are skipped, weekend
 * make-up workdays count, and the time of day is kept. Days of a year whose calendar is not
 * loaded count Monday to Friday only.
 */
public record Deadlines(Instant assignDeadline, Instant handlingDeadline) {

    public static Deadlines of(MatterCategory category, Urgency urgency, Instant reportedAt, WorkingCalendar calendar) {
        int assignMinutes = urgency == Urgency.URGENT
                ? category.urgentAssignLimitMinutes()
                : category.assignLimitMinutes();
        Instant assign = reportedAt.plus(Duration.ofMinutes(assignMinutes));
        return new Deadlines(assign, handlingDeadline(category, reportedAt, calendar));
    }

    /** Returns the end of the category's handling limit counted from {@code from}, a report or a reopening. */
    public static Instant handlingDeadline(MatterCategory category, Instant from, WorkingCalendar calendar) {
        return switch (category.handlingLimitUnit()) {
            case HOURS -> from.plus(Duration.ofHours(category.handlingLimit()));
            case WORKING_DAYS -> calendar.addWorkingDays(from, category.handlingLimit());
        };
    }
}
