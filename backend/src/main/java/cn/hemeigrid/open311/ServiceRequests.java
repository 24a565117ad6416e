package cn.hemeigrid.open311;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.hemeigrid.catalogue.WorkingCalendar;
import cn.hemeigrid.incident.IncidentStatus;
import cn.hemeigrid.system.Labels;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Incidents as GeoReport v2 service requests. The id is the public incident id, never the
 * tracking code, and no contact is ever included. The status is 'open' while work remains
 * (a handled incident awaiting verification included) and 'closed' otherwise, and
 * {@code status_notes} names the detailed workflow state.
 */
@Repository
class ServiceRequests {

    /** Maximum number of requests in one response. */
    static final int MAX_RESULTS = 1000;

    private final JdbcClient jdbc;
    private final Labels labels;
    private final MessageSource messages;

    ServiceRequests(JdbcClient jdbc, Labels labels, MessageSource messages) {
        this.jdbc = jdbc;
        this.labels = labels;
        this.messages = messages;
    }

    record ServiceRequest(String serviceRequestId, String status, String statusNotes, String serviceName,
                          String serviceCode, String description, String agencyResponsible, String serviceNotice,
                          String requestedDatetime, String updatedDatetime, String expectedDatetime, String address,
                          String addressId, String zipcode, double lat, @JsonProperty("long") double lon,
                          String mediaUrl) {
    }

    /**
     * Filters of GET requests. Empty lists mean no filter; ids, when given, override all others.
     * {@code open} is null for both open and closed requests.
     */
    record Filter(List<Long> ids, List<String> serviceCodes, Instant start, Instant end, Boolean open) {
    }

    List<ServiceRequest> find(Filter filter) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (!filter.ids().isEmpty()) {
            sql.append(" AND i.id = ANY (?)");
            params.add(filter.ids().toArray(Long[]::new));
        } else {
            if (!filter.serviceCodes().isEmpty()) {
                sql.append(" AND i.category_code = ANY (?)");
                params.add(filter.serviceCodes().toArray(String[]::new));
            }
            sql.append(" AND i.reported_at >= ? AND i.reported_at <= ?");
            params.add(Timestamp.from(filter.start()));
            params.add(Timestamp.from(filter.end()));
            if (filter.open() != null) {
                sql.append(filter.open() ? " AND i.status = ANY (?)" : " AND NOT i.status = ANY (?)");
                params.add(openStatuses());
            }
        }
        sql.append(" ORDER BY i.reported_at DESC, i.id DESC LIMIT ").append(MAX_RESULTS);

        return jdbc.sql(sql.toString()).params(params).query(this::toServiceRequest).list();
    }

    Optional<ServiceRequest> byId(long id) {
        return jdbc.sql(SELECT + " WHERE i.id = ?").param(id).query(this::toServiceRequest).optional();
    }

    /** Finds the request id of a token, which is the tracking code given when the request was posted. */
    Optional<Long> idOfToken(String token) {
        return jdbc.sql("SELECT id FROM incident WHERE tracking_code = ?").param(token).query(Long.class).optional();
    }

    private static final String SELECT = """
            SELECT i.id, i.status, i.category_code, c.name AS category_name, i.description,
                   d.name AS department_name, i.reported_at, i.updated_at, i.handling_deadline,
                   i.duplicate_of_id, i.rejection_reason, g.name AS grid_name, v.name AS village_name,
                   t.name AS township_name, ST_X(i.location) AS lon, ST_Y(i.location) AS lat,
                   (SELECT r.photo_refs[1] FROM incident_transition r
                     WHERE r.incident_id = i.id AND r.action = 'report') AS media_url
              FROM incident i
              JOIN matter_category c ON c.code = i.category_code
              JOIN department d ON d.code = i.department_code
              JOIN grid g ON g.id = i.grid_id
              JOIN administrative_unit v ON v.code = i.village_code
              JOIN administrative_unit t ON t.code = v.parent_code
            """;

    private ServiceRequest toServiceRequest(ResultSet row, int rowNumber) throws SQLException {
        IncidentStatus status = IncidentStatus.fromCode(row.getString("status")).orElseThrow();
        boolean open = status.isOpen();
        return new ServiceRequest(
                String.valueOf(row.getLong("id")),
                open ? "open" : "closed",
                statusNotes(status, row.getString("rejection_reason"), (Long) row.getObject("duplicate_of_id")),
                row.getString("category_name"),
                row.getString("category_code"),
                row.getString("description"),
                row.getString("department_name"),
                null,
                w3c(row.getTimestamp("reported_at")),
                w3c(row.getTimestamp("updated_at")),
                open ? w3c(row.getTimestamp("handling_deadline")) : null,
                row.getString("township_name") + row.getString("village_name") + " " + row.getString("grid_name"),
                null,
                null,
                row.getDouble("lat"),
                row.getDouble("lon"),
                row.getString("media_url"));
    }

    private String statusNotes(IncidentStatus status, String rejectionReason, Long duplicateOf) {
        String name = labels.of("incident.status", status.code());
        Object[] arguments = {name, status.code(), null};
        String key = "open311.status-notes";
        if (status == IncidentStatus.REJECTED) {
            key = "open311.status-notes.with-detail";
            arguments[2] = labels.of("workflow.rejection-reason", rejectionReason);
        } else if (status == IncidentStatus.DUPLICATE) {
            key = "open311.status-notes.duplicate";
            arguments[2] = String.valueOf(duplicateOf);
        }
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    private static String[] openStatuses() {
        return java.util.Arrays.stream(IncidentStatus.values())
                .filter(IncidentStatus::isOpen)
                .map(IncidentStatus::code)
                .toArray(String[]::new);
    }

    /** Formats an instant as W3C date-time in China Standard Time, for example 2026-12-05T09:30:00+08:00. */
    static String w3c(Timestamp timestamp) {
        return timestamp == null ? null : w3c(timestamp.toInstant());
    }

    static String w3c(Instant instant) {
        OffsetDateTime local = OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), WorkingCalendar.CHINA);
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local);
    }
}
