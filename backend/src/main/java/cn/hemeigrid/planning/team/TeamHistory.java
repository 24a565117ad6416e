package cn.hemeigrid.planning.team;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the history of grid teams (table grid_assignment_history). */
@Repository
class TeamHistory {

    private final JdbcClient jdbc;

    TeamHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One period in which a worker held a role in a grid.
     *
     * @param validFrom  null when the assignment existed before team history was kept
     * @param validTo    null while the worker still holds the role
     * @param assignedBy the person who made the assignment, null when not recorded
     * @param endedBy    the person who ended it, null while it lasts or when not recorded
     */
    record Entry(long workerId, String name, String role, String departmentName, Instant validFrom, Instant validTo,
                 String assignedBy, String endedBy) {
    }

    /** Lists the grid's assignments, the oldest first and those of unknown start before all. */
    List<Entry> of(long gridId) {
        return jdbc.sql("""
                        SELECT h.worker_id, w.name, h.role, d.name AS department_name, h.valid_from, h.valid_to,
                               h.assigned_by, h.ended_by
                          FROM grid_assignment_history h
                          JOIN grid_worker w ON w.id = h.worker_id
                          LEFT JOIN department d ON d.code = w.department_code
                         WHERE h.grid_id = ?
                         ORDER BY h.valid_from NULLS FIRST, h.id
                        """)
                .param(gridId)
                .query((row, rowNumber) -> new Entry(row.getLong("worker_id"), row.getString("name"),
                        row.getString("role"), row.getString("department_name"), instant(row, "valid_from"),
                        instant(row, "valid_to"), row.getString("assigned_by"), row.getString("ended_by")))
                .list();
    }

    private static Instant instant(java.sql.ResultSet row, String column) throws java.sql.SQLException {
        java.sql.Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
