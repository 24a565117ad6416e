package cn.hemeigrid.catalogue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The assign and handling deadlines of an incident reported at a given instant.
 *
 * <p>Working days are counted in China Standard Time and keep the time of day: two working
 * days after Friday 10:00 is Tuesday 10:00.
 * NOTE: working days skip Saturdays and Sundays only; public holidays and weekend make-up
 * workdays are not applied yet, so a deadline across a holiday comes out too early.
 */
public record Deadlines(Instant assignDeadline, Instant handlingDeadline) {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public static Deadlines of(MatterCategory category, Urgency urgency, Instant reportedAt) {
        int assignMinutes = urgency == Urgency.URGENT
                ? category.urgentAssignLimitMinutes()
                : category.assignLimitMinutes();
        Instant assign = reportedAt.plus(Duration.ofMinutes(assignMinutes));
        Instant handling = switch (category.handlingLimitUnit()) {
            case HOURS -> reportedAt.plus(Duration.ofHours(category.handlingLimit()));
            case WORKING_DAYS -> addWorkingDays(reportedAt, category.handlingLimit());
        };
        return new Deadlines(assign, handling);
    }

    static Instant addWorkingDays(Instant start, int workingDays) {
        ZonedDateTime day = start.atZone(CHINA);
        int added = 0;
        while (added < workingDays) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return day.toInstant();
    }
}
