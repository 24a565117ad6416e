package cn.hemeigrid.catalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the working-day calendar, which the database owns (tables working_calendar_year and
 * working_calendar_day). Each call reads the tables again, so an edited calendar applies to
 * the next deadline at once.
 */
@Repository
public class WorkingCalendars {

    private static final Logger log = LoggerFactory.getLogger(WorkingCalendars.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    WorkingCalendars(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Loads the whole calendar; logs a warning once per process for this or next year when missing. */
    public WorkingCalendar load() {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        jdbc.sql("SELECT day, kind FROM working_calendar_day").query((row, n) -> {
            LocalDate day = row.getObject("day", LocalDate.class);
            if ("workday".equals(row.getString("kind"))) {
                workdays.add(day);
            } else {
                holidays.add(day);
            }
            return day;
        }).list();
        Set<Integer> years = Set.copyOf(jdbc.sql("SELECT year FROM working_calendar_year").query(Integer.class).list());

        WorkingCalendar calendar = new WorkingCalendar(holidays, workdays, years);
        warnAboutMissingYears(calendar);
        return calendar;
    }

    private void warnAboutMissingYears(WorkingCalendar calendar) {
        int thisYear = LocalDate.now(clock.withZone(WorkingCalendar.CHINA)).getYear();
        for (int year = thisYear; year <= thisYear + 1; year++) {
            if (!calendar.covers(year) && warnedYears.add(year)) {
                log.warn("No holiday calendar is loaded for {}: working days in {} count Monday to Friday only. "
                        + "Add the State Council's holiday notice for {} to working_calendar_day.", year, year, year);
            }
        }
    }
}
