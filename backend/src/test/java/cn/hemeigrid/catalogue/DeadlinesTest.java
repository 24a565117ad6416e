package cn.hemeigrid.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.hemeigrid.CodeName;

/**
 * Deadline arithmetic on a calendar with the 2026 Spring Festival and National Day breaks and
 * their make-up workdays, as the State Council's notice for 2026 sets them.
 */
class DeadlinesTest {

    private static final CodeName DEPARTMENT = new CodeName("city_management", "城市管理和综合执法局");
    private static final CodeName ROUTE = new CodeName("department", "职能部门办理");

    private static final WorkingCalendar CALENDAR_2026 = new WorkingCalendar(
            union(days("2026-02-15", "2026-02-23"), days("2026-10-01", "2026-10-07")),
            Set.of(LocalDate.parse("2026-02-14"), LocalDate.parse("2026-02-28"),
                    LocalDate.parse("2026-09-20"), LocalDate.parse("2026-10-10")),
            Set.of(2026));

    @Test
    void urgentIncidentGetsShorterAssignLimit() {
        Instant reported = Instant.parse("2026-12-07T02:00:00Z");

        Deadlines ordinary = deadlines(2, MatterCategory.HandlingLimitUnit.HOURS, Urgency.ORDINARY, reported);
        Deadlines urgent = deadlines(2, MatterCategory.HandlingLimitUnit.HOURS, Urgency.URGENT, reported);

        assertThat(ordinary.assignDeadline()).isEqualTo(Instant.parse("2026-12-07T04:00:00Z"));
        assertThat(urgent.assignDeadline()).isEqualTo(Instant.parse("2026-12-07T02:30:00Z"));
    }

    @Test
    void handlingLimitInHoursRunsThroughHolidays() {
        Instant beforeNationalDay = beijing("2026-09-30T18:00");

        Deadlines deadlines = deadlines(24, MatterCategory.HandlingLimitUnit.HOURS, Urgency.ORDINARY, beforeNationalDay);

        assertThat(deadlines.handlingDeadline()).isEqualTo(beijing("2026-10-01T18:00"));
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource(textBlock = """
            2026-12-04T10:00, 2, 2026-12-08T10:00, ordinary weekend skipped
            2026-12-05T01:00, 1, 2026-12-07T01:00, Saturday start counts from Monday
            2026-09-30T10:00, 1, 2026-10-08T10:00, National Day break skipped
            2026-10-09T10:00, 1, 2026-10-10T10:00, Saturday make-up workday counts
            2026-10-09T10:00, 2, 2026-10-12T10:00, Sunday after the make-up workday skipped
            2026-09-18T10:00, 1, 2026-09-20T10:00, Sunday make-up workday counts
            2026-02-13T10:00, 1, 2026-02-14T10:00, Saturday before Spring Festival counts
            2026-02-13T10:00, 2, 2026-02-24T10:00, Spring Festival break skipped
            2026-02-13T10:00, 5, 2026-02-27T10:00, week after Spring Festival
            2026-02-13T10:00, 6, 2026-02-28T10:00, make-up Saturday after Spring Festival
            2026-02-17T09:00, 1, 2026-02-24T09:00, report during the break
            """)
    void workingDaysFollowCalendar(String start, int workingDays, String expected, String scenario) {
        Deadlines deadlines = deadlines(workingDays, MatterCategory.HandlingLimitUnit.WORKING_DAYS, Urgency.ORDINARY,
                beijing(start));

        assertThat(deadlines.handlingDeadline()).as(scenario).isEqualTo(beijing(expected));
    }

    @Test
    void workingDaysCountInChinaTimeNotUtc() {
        // Saturday 01:00 in Beijing is still Friday in UTC, but the next working day is Monday.
        Instant saturdayInBeijing = beijing("2026-12-05T01:00");

        Instant deadline = CALENDAR_2026.addWorkingDays(saturdayInBeijing, 1);

        assertThat(deadline).isEqualTo(Instant.parse("2026-12-06T17:00:00Z"));
    }

    @Test
    void yearWithoutCalendarCountsWeekdaysOnly() {
        assertThat(CALENDAR_2026.covers(2027)).isFalse();
        assertThat(CALENDAR_2026.isWorkingDay(LocalDate.parse("2027-01-01"))).isTrue();
        assertThat(CALENDAR_2026.isWorkingDay(LocalDate.parse("2027-01-02"))).isFalse();
    }

    @Test
    void reopeningCountsHandlingLimitFromReopening() {
        Instant reopened = beijing("2026-09-30T15:00");

        Instant deadline = Deadlines.handlingDeadline(category(2, MatterCategory.HandlingLimitUnit.WORKING_DAYS),
                reopened, CALENDAR_2026);

        assertThat(deadline).isEqualTo(beijing("2026-10-09T15:00"));
    }

    @Test
    void negativeWorkingDaysAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CALENDAR_2026.addWorkingDays(Instant.EPOCH, -1))
                .withMessageContaining("-1");
    }

    private static Deadlines deadlines(int limit, MatterCategory.HandlingLimitUnit unit, Urgency urgency, Instant at) {
        return Deadlines.of(category(limit, unit), urgency, at, CALENDAR_2026);
    }

    private static MatterCategory category(int handlingLimit, MatterCategory.HandlingLimitUnit unit) {
        return new MatterCategory("0501", "占道经营", "城市管理", DEPARTMENT, ROUTE, 120, 30, handlingLimit, unit, 250);
    }

    private static Instant beijing(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), WorkingCalendar.CHINA).toInstant();
    }

    private static Set<LocalDate> days(String first, String last) {
        return LocalDate.parse(first).datesUntil(LocalDate.parse(last).plusDays(1))
                .collect(java.util.stream.Collectors.toSet());
    }

    private static Set<LocalDate> union(Set<LocalDate> a, Set<LocalDate> b) {
        Set<LocalDate> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
