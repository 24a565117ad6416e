package cn.hemeigrid.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.hemeigrid.CodeName;
import cn.hemeigrid.access.Jurisdiction;
import cn.hemeigrid.access.JurisdictionCondition;
import cn.hemeigrid.access.ReporterContact;
import cn.hemeigrid.geo.LonLat;
import cn.hemeigrid.map.BoundingBox;
import cn.hemeigrid.routing.IncidentRouter.StoredRoute;
import cn.hemeigrid.system.Labels;

/**
 * Read models of incidents for the reporter, the map and the dispatcher. Staff lists are limited
 * to a {@link Jurisdiction} in SQL and carry the reporter's contact masked only. The reporter's
 * view carries no contact at all.
 */
@Repository
public class IncidentQueries {

    /** Statuses of incidents that still need work. */
    static final List<String> CLOSED_STATUSES = List.of("closed", "rated", "rejected", "duplicate");

    private final JdbcClient jdbc;
    private final Labels labels;
    private final WorkflowProperties properties;
    private final Clock clock;

    IncidentQueries(JdbcClient jdbc, Labels labels, WorkflowProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.labels = labels;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param originalStatus for a duplicate, the state of the incident it was merged into; else null
     */
    record PublicIncident(long id, String trackingCode, String status, String categoryName, String description,
                          String urgency, Instant reportedAt, String rejectionReason, String originalStatus,
                          StoredRoute route) {
    }

    Optional<PublicIncident> byTrackingCode(String trackingCode) {
        return jdbc.sql("""
                        SELECT i.id, i.tracking_code, i.status, i.description, i.urgency, i.reported_at,
                               i.rejection_reason, o.status AS original_status,
                               ST_X(i.location) AS lon, ST_Y(i.location) AS lat, i.grid_id, i.dedicated_grid_id,
                               i.outside_coverage, i.distance_metres, i.assign_deadline, i.handling_deadline,
                               c.code AS category_code, c.name AS category_name,
                               d.code AS department_code, d.name AS department_name,
                               r.code AS route_code, r.name AS route_name
                          FROM incident i
                          JOIN matter_category c ON c.code = i.category_code
                          JOIN department d ON d.code = i.department_code
                          JOIN handler_route r ON r.code = i.handler_route_code
                          LEFT JOIN incident o ON o.id = i.duplicate_of_id
                         WHERE i.tracking_code = ?
                        """)
                .param(trackingCode)
                .query((row, n) -> new PublicIncident(
                        row.getLong("id"),
                        row.getString("tracking_code"),
                        row.getString("status"),
                        row.getString("category_name"),
                        row.getString("description"),
                        row.getString("urgency"),
                        instant(row, "reported_at"),
                        row.getString("rejection_reason"),
                        row.getString("original_status"),
                        new StoredRoute(
                                new LonLat(row.getDouble("lon"), row.getDouble("lat")),
                                row.getLong("grid_id"),
                                (Long) row.getObject("dedicated_grid_id"),
                                row.getBoolean("outside_coverage"),
                                row.getDouble("distance_metres"),
                                new CodeName(row.getString("category_code"), row.getString("category_name")),
                                new CodeName(row.getString("department_code"), row.getString("department_name")),
                                new CodeName(row.getString("route_code"), row.getString("route_name")),
                                instant(row, "assign_deadline"),
                                instant(row, "handling_deadline"))))
                .optional();
    }

    /**
     * A history row in the reporter's view. Staff names are never shown, and the note only for
     * the handling result and a rejection, which are written for the reporter.
     */
    record PublicHistoryEntry(String action, String actionName, String status, String statusName, Instant at,
                              String note) {
    }

    /** Actions shown to the reporter; routing changes, summons and escalations stay internal. */
    static final List<String> PUBLIC_ACTIONS = List.of("report", "accept", "dispatch", "start_handling",
            "mark_handled", "close", "rate", "reject", "mark_duplicate", "reopen");

    static final List<String> PUBLIC_NOTE_ACTIONS = List.of("mark_handled", "reject");

    List<PublicHistoryEntry> publicHistory(long incidentId) {
        return jdbc.sql("""
                        SELECT action, to_status, occurred_at,
                               CASE WHEN action IN (:noteActions) THEN note END AS note
                          FROM incident_transition
                         WHERE incident_id = :id AND action IN (:actions)
                         ORDER BY id
                        """)
                .param("id", incidentId)
                .param("actions", PUBLIC_ACTIONS)
                .param("noteActions", PUBLIC_NOTE_ACTIONS)
                .query((row, n) -> new PublicHistoryEntry(
                        row.getString("action"),
                        labels.of("workflow.action", row.getString("action")),
                        row.getString("to_status"),
                        labels.of("incident.status", row.getString("to_status")),
                        instant(row, "occurred_at"),
                        row.getString("note")))
                .list();
    }

    record RatingView(int score, String comment, Instant ratedAt) {
    }

    Optional<RatingView> latestRating(long incidentId) {
        return jdbc.sql("SELECT score, comment, rated_at FROM incident_rating WHERE incident_id = ? ORDER BY id DESC LIMIT 1")
                .param(incidentId)
                .query((row, n) -> new RatingView(row.getInt("score"), row.getString("comment"),
                        instant(row, "rated_at")))
                .optional();
    }

    /**
     * @param runningDeadline the deadline of the current state (assign before dispatch, handling
     *                        after), or null once handled
     * @param warning         green, yellow or red for the running deadline, or null without one
     * @param reporterContactMasked the reporter's contact with its middle masked
     *                              ({@link ReporterContact#masked}), or null when none was given
     */
    public record ListItem(long id, String categoryCode, String categoryName, String status, String statusName,
                    String urgency, String channel, Instant reportedAt, Instant handlingDeadline, double lon,
                    double lat, String gridCode, String gridName, String villageName, String departmentName,
                    String handlerRouteName, boolean outsideCoverage, String descriptionExcerpt,
                    boolean generated, Instant runningDeadline, String warning, String reporterContactMasked) {
    }

    /** Order of an incident list. */
    public enum ListOrder {
        /** Newest report first. */
        NEWEST,
        /** Earliest running deadline first, so overdue incidents lead; incidents without one come last. */
        DEADLINE
    }

    /**
     * Conditions of an incident list; an empty one or an empty list leaves that condition out.
     *
     * @param openOnly       only incidents that still need work
     * @param gridId         only incidents of this grid (its basic or dedicated grid)
     * @param ownerName      only incidents this first receiver accepted
     * @param statuses       only incidents in one of these states
     * @param villagePrefix  only incidents whose village code starts with this prefix
     */
    public record ListFilter(Optional<BoundingBox> box, boolean openOnly, Optional<Long> gridId,
                             Optional<String> ownerName, List<IncidentStatus> statuses,
                             Optional<String> categoryCode, Optional<String> handlerRouteCode,
                             Optional<String> villagePrefix, ListOrder order) {

        public static ListFilter of(Optional<BoundingBox> box, boolean openOnly, Optional<Long> gridId) {
            return new ListFilter(box, openOnly, gridId, Optional.empty(), List.of(), Optional.empty(),
                    Optional.empty(), Optional.empty(), ListOrder.NEWEST);
        }
    }

    /**
     * Lists the incidents inside the jurisdiction newest first, optionally only open ones, only
     * inside a box or only of one grid (its basic or dedicated grid). Returns at most
     * {@code limit} rows.
     */
    public List<ListItem> list(Jurisdiction jurisdiction, Optional<BoundingBox> box, boolean openOnly,
                               Optional<Long> gridId, int limit) {
        return list(jurisdiction, ListFilter.of(box, openOnly, gridId), limit);
    }

    /** Lists the incidents inside the jurisdiction that match {@code filter}, at most {@code limit} rows. */
    public List<ListItem> list(Jurisdiction jurisdiction, ListFilter filter, int limit) {
        JurisdictionCondition inJurisdiction = JurisdictionCondition.incidents(jurisdiction, "i");
        StringBuilder sql = new StringBuilder("""
                SELECT i.id, i.category_code, c.name AS category_name, i.status, i.urgency, i.channel,
                       i.reported_at, i.assign_deadline, i.handling_counted_from, i.handling_deadline,
                       ST_X(i.location) AS lon, ST_Y(i.location) AS lat,
                       coalesce(dg.code, g.code) AS grid_code, coalesce(dg.name, g.name) AS grid_name,
                       v.name AS village_name, d.name AS department_name, r.name AS route_name,
                       i.outside_coverage, left(i.description, 60) AS excerpt,
                       i.source = 'generated' AS generated, i.reporter_contact
                  FROM incident i
                  JOIN matter_category c ON c.code = i.category_code
                  JOIN grid g ON g.id = i.grid_id
                  LEFT JOIN grid dg ON dg.id = i.dedicated_grid_id
                  JOIN administrative_unit v ON v.code = i.village_code
                  JOIN department d ON d.code = i.department_code
                  JOIN handler_route r ON r.code = i.handler_route_code
                 WHERE true
                """).append(inJurisdiction.andSql());
        Map<String, Object> params = new HashMap<>(inJurisdiction.parameters());
        params.put("limit", limit);

        if (filter.openOnly()) {
            sql.append(" AND i.status NOT IN (:closed)");
            params.put("closed", CLOSED_STATUSES);
        }
        filter.box().ifPresent(b -> {
            sql.append(" AND i.location && ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4490)");
            params.put("minLon", b.minLon());
            params.put("minLat", b.minLat());
            params.put("maxLon", b.maxLon());
            params.put("maxLat", b.maxLat());
        });
        filter.gridId().ifPresent(id -> {
            sql.append(" AND (i.grid_id = :gridId OR i.dedicated_grid_id = :gridId)");
            params.put("gridId", id);
        });
        filter.ownerName().ifPresent(owner -> {
            sql.append(" AND i.owner_name = :owner");
            params.put("owner", owner);
        });
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND i.status IN (:statuses)");
            params.put("statuses", filter.statuses().stream().map(IncidentStatus::code).toList());
        }
        filter.categoryCode().ifPresent(code -> {
            sql.append(" AND i.category_code = :category");
            params.put("category", code);
        });
        filter.handlerRouteCode().ifPresent(code -> {
            sql.append(" AND i.handler_route_code = :route");
            params.put("route", code);
        });
        filter.villagePrefix().ifPresent(prefix -> {
            sql.append(" AND starts_with(i.village_code, :villagePrefix)");
            params.put("villagePrefix", prefix);
        });

        if (filter.order() == ListOrder.DEADLINE) {
            // The text block has no leading space, and the conditions above may end with a word.
            sql.append(' ').append("""
                     ORDER BY CASE WHEN i.status IN (:assignStatuses) THEN i.assign_deadline
                                   WHEN i.status IN (:handlingStatuses) THEN i.handling_deadline END NULLS LAST,
                              i.id
                     LIMIT :limit""");
            params.put("assignStatuses", statusesRunning(DeadlineKind.ASSIGN));
            params.put("handlingStatuses", statusesRunning(DeadlineKind.HANDLING));
        } else {
            sql.append(" ORDER BY i.reported_at DESC, i.id DESC LIMIT :limit");
        }

        return jdbc.sql(sql.toString()).params(params).query(this::toListItem).list();
    }

    private static List<String> statusesRunning(DeadlineKind kind) {
        return Arrays.stream(IncidentStatus.values())
                .filter(status -> status.runningDeadline().equals(Optional.of(kind)))
                .map(IncidentStatus::code)
                .toList();
    }

    private ListItem toListItem(ResultSet row, int rowNumber) throws SQLException {
        String status = row.getString("status");
        Instant reportedAt = instant(row, "reported_at");
        Instant assignDeadline = instant(row, "assign_deadline");
        Instant handlingCountedFrom = instant(row, "handling_counted_from");
        Instant handlingDeadline = instant(row, "handling_deadline");
        Optional<Incident.RunningDeadline> deadline = IncidentStatus.fromCode(status)
                .flatMap(known -> Incident.RunningDeadline.of(known, reportedAt, assignDeadline, handlingCountedFrom,
                        handlingDeadline))
                .filter(running -> running.countedFrom() != null && running.due() != null);
        String warning = deadline
                .map(running -> running.warningAt(clock.instant(), properties.yellowWarningShare()).code())
                .orElse(null);
        return new ListItem(
                row.getLong("id"),
                row.getString("category_code"),
                row.getString("category_name"),
                status,
                labels.of("incident.status", status),
                row.getString("urgency"),
                row.getString("channel"),
                reportedAt,
                handlingDeadline,
                row.getDouble("lon"),
                row.getDouble("lat"),
                row.getString("grid_code"),
                row.getString("grid_name"),
                row.getString("village_name"),
                row.getString("department_name"),
                row.getString("route_name"),
                row.getBoolean("outside_coverage"),
                row.getString("excerpt"),
                row.getBoolean("generated"),
                deadline.map(Incident.RunningDeadline::due).orElse(null),
                warning,
                ReporterContact.masked(row.getString("reporter_contact")));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
