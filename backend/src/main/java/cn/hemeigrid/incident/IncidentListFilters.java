package cn.hemeigrid.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hemeigrid.system.RejectedRequestException;

/**
 * Checks the filter parameters of the incident list and turns them into query conditions. An
 * unknown value is rejected with 400, so a mistyped filter never returns an empty list silently.
 */
@Component
class IncidentListFilters {

    /** Length of the code prefix an administrative level shares with every village below it. */
    private static final Map<String, Integer> PREFIX_LENGTH_BY_LEVEL = Map.of(
            "city", 4, "county", 6, "township", 9, "village", 12);

    /** Maximum length of a parameter value echoed back in an error message. */
    private static final int MAX_ECHOED_LENGTH = 40;

    private final JdbcClient jdbc;

    IncidentListFilters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Parses a comma list of state codes; blank items are skipped, and an empty list means any state. */
    List<IncidentStatus> statuses(String parameter) {
        List<IncidentStatus> statuses = new ArrayList<>();
        if (parameter == null) {
            return statuses;
        }
        for (String item : parameter.split(",")) {
            String code = item.strip().toLowerCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            statuses.add(IncidentStatus.fromCode(code).orElseThrow(
                    () -> RejectedRequestException.badRequest("incident.filter.status-unknown", echo(code))));
        }
        return statuses;
    }

    String category(String code) {
        if (!exists("SELECT EXISTS (SELECT 1 FROM matter_category WHERE code = ?)", code)) {
            throw RejectedRequestException.badRequest("category.unknown", echo(code));
        }
        return code;
    }

    String handlerRoute(String code) {
        if (!exists("SELECT EXISTS (SELECT 1 FROM handler_route WHERE code = ?)", code)) {
            throw RejectedRequestException.badRequest("workflow.route-unknown", echo(code));
        }
        return code;
    }

    /** Returns the id of the grid with this code, active or retired. */
    long gridId(String code) {
        return jdbc.sql("SELECT id FROM grid WHERE code = ?").param(code).query(Long.class).optional()
                .orElseThrow(() -> RejectedRequestException.badRequest("incident.filter.grid-unknown", echo(code)));
    }

    /**
     * Returns the prefix of village codes under the administrative unit {@code code}: 6 digits
     * for a county, 9 for a township, all 12 for a village.
     */
    String villagePrefix(String code) {
        if (!code.matches("[0-9]{12}")) {
            throw RejectedRequestException.badRequest("incident.filter.unit-invalid", echo(code));
        }
        String level = jdbc.sql("SELECT level FROM administrative_unit WHERE code = ?").param(code)
                .query(String.class).optional()
                .orElseThrow(() -> RejectedRequestException.badRequest("incident.filter.unit-unknown", code));
        return code.substring(0, PREFIX_LENGTH_BY_LEVEL.get(level));
    }

    IncidentQueries.ListOrder order(String sort) {
        if (sort == null || sort.isBlank() || sort.strip().equals("newest")) {
            return IncidentQueries.ListOrder.NEWEST;
        }
        if (sort.strip().equals("deadline")) {
            return IncidentQueries.ListOrder.DEADLINE;
        }
        throw RejectedRequestException.badRequest("incident.filter.sort-unknown", echo(sort.strip()));
    }

    private boolean exists(String sql, String code) {
        return Boolean.TRUE.equals(jdbc.sql(sql).param(code).query(Boolean.class).single());
    }

    private static String echo(String value) {
        return value.length() <= MAX_ECHOED_LENGTH ? value : value.substring(0, MAX_ECHOED_LENGTH) + "…";
    }
}
