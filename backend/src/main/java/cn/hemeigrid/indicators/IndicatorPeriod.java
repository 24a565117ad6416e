package cn.hemeigrid.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import cn.hemeigrid.catalogue.WorkingCalendar;
import cn.hemeigrid.system.RejectedRequestException;

/**
 * A review period of whole days in China time, both dates included. It covers the instants
 * from the start of {@code from} up to, but not including, the start of the day after {@code to}.
 */
record IndicatorPeriod(LocalDate from, LocalDate to) {

    /** Maximum length of a period, about ten years, because a longer one is most likely a mistyped year. */
    static final int MAX_DAYS = 3660;

    /** Parses the {@code from} and {@code to} parameters (YYYY-MM-DD), rejecting bad values with 400. */
    static IndicatorPeriod parse(String from, String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start) || start.plusDays(MAX_DAYS).isBefore(end)) {
            throw RejectedRequestException.badRequest("indicators.period-invalid", from, to, MAX_DAYS);
        }
        return new IndicatorPeriod(start, end);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw RejectedRequestException.badRequest("indicators.date-missing", name);
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException invalid) {
            throw RejectedRequestException.badRequest("indicators.date-invalid", name, value);
        }
    }

    Instant start() {
        return from.atStartOfDay(WorkingCalendar.CHINA).toInstant();
    }

    /** Returns the first instant after the period. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(WorkingCalendar.CHINA).toInstant();
    }
}
