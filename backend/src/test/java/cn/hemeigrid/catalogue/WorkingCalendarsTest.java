package cn.hemeigrid.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.hemeigrid.PostgisTest;

/** The calendar the migrations ship, read from the database. */
@PostgisTest
class WorkingCalendarsTest {

    @Autowired
    WorkingCalendars calendars;

    @Test
    void shippedCalendarHas2026Only() {
        WorkingCalendar calendar = calendars.load();

        assertThat(calendar.covers(2026)).isTrue();
        assertThat(calendar.covers(2027)).isFalse();
    }

    @Test
    void shipped2026BreaksAndMakeUpDays() {
        WorkingCalendar calendar = calendars.load();

        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-02"))).as("New Year, Friday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-04"))).as("make-up Sunday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-23"))).as("Spring Festival, Monday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-04-06"))).as("Qingming, Monday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-05-05"))).as("Labour Day, Tuesday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-05-09"))).as("make-up Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-06-19"))).as("Dragon Boat, Friday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-25"))).as("Mid-Autumn, Friday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-07"))).as("National Day, Wednesday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-08"))).as("after National Day").isTrue();
    }

    @Test
    void fifteenWorkingDaysAcrossNationalDay() {
        WorkingCalendar calendar = calendars.load();
        ZonedDateTime reported = LocalDateTime.parse("2026-09-24T09:30").atZone(WorkingCalendar.CHINA);

        // Counted: 9/28-9/30 (3), 10/8-10/10 (3, 10/10 a make-up Saturday), 10/12-10/16 (5), 10/19-10/22 (4).
        ZonedDateTime deadline = calendar.addWorkingDays(reported.toInstant(), 15).atZone(WorkingCalendar.CHINA);

        assertThat(deadline.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-10-22T09:30"));
    }
}
