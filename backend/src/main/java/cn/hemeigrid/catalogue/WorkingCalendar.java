package cn.hemeigrid.catalogue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Working days in China: Monday to Friday, minus public holidays, plus the weekend make-up
 * workdays (调休上班) of the State Council's yearly holiday notice. Days are counted in China
 * Standard Time.
 *
 * <p>Days of a year missing from {@code coveredYears} count Monday to Friday only, because
 * no holiday data exists for them. {@link #covers(int)} returns whether a year was loaded.
 *
 * @param holidays       days off that would otherwise be working days (weekend days of a
 *                       break may be listed too)
 * @param makeUpWorkdays weekend days that are working days
 * @param coveredYears   years whose official calendar is loaded
 */
public record WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays, Set<Integer> coveredYears) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** A calendar without holiday data: Monday to Friday are working days. */
    public static final WorkingCalendar WEEKDAYS_ONLY = new WorkingCalendar(Set.of(), Set.of(), Set.of());

    public WorkingCalendar {
        holidays = Set.copyOf(holidays);
        makeUpWorkdays = Set.copyOf(makeUpWorkdays);
        coveredYears = Set.copyOf(coveredYears);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkdays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    public boolean covers(int year) {
        return coveredYears.contains(year);
    }

    /**
     * Adds working days and keeps the time of day: two working days after Friday 10:00 is
     * Tuesday 10:00 in an ordinary week. The start day itself never counts, so one working day
     * after Saturday 01:00 is Monday 01:00.
     *
     * @throws IllegalArgumentException when {@code workingDays} is negative
     */
    public Instant addWorkingDays(Instant start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative, got " + workingDays);
        }
        ZonedDateTime day = start.atZone(CHINA);
        int added = 0;
        while (added < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day.toLocalDate())) {
                added++;
            }
        }
        return day.toInstant();
    }
}
