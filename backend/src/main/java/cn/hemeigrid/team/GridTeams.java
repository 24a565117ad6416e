package cn.hemeigrid.team;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.hemeigrid.system.Labels;

@Repository
public class GridTeams {

    private final JdbcClient jdbc;
    private final Labels labels;

    GridTeams(JdbcClient jdbc, Labels labels) {
        this.jdbc = jdbc;
        this.labels = labels;
    }

    /** Lists a grid's team: leader first, then full-time, professional and part-time workers. */
    public List<TeamMember> teamOf(long gridId) {
        return jdbc.sql("""
                        SELECT a.role, w.name, d.name AS department_name
                          FROM grid_assignment a
                          JOIN grid_worker w ON w.id = a.worker_id
                          LEFT JOIN department d ON d.code = w.department_code
                         WHERE a.grid_id = ?
                         ORDER BY array_position(ARRAY['leader', 'full_time', 'professional', 'part_time'], a.role),
                                  d.name NULLS FIRST, w.name, w.id
                        """)
                .param(gridId)
                .query((row, n) -> new TeamMember(row.getString("role"), labels.of("team.role", row.getString("role")),
                        row.getString("name"), row.getString("department_name")))
                .list();
    }

    /** Finds the professional grid worker a department has attached to a grid. */
    public Optional<String> professionalMember(long gridId, String departmentCode) {
        return jdbc.sql("""
                        SELECT w.name
                          FROM grid_assignment a
                          JOIN grid_worker w ON w.id = a.worker_id
                         WHERE a.grid_id = ? AND a.role = 'professional' AND w.department_code = ?
                         ORDER BY w.name, w.id
                         LIMIT 1
                        """)
                .param(gridId)
                .param(departmentCode)
                .query(String.class)
                .optional();
    }
}
