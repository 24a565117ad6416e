package cn.hemeigrid.planning.team;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes grid workers and their assignments to grids (table grid_assignment). */
@Repository
class TeamAssignments {

    private final JdbcClient jdbc;

    TeamAssignments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record GridRow(long id, String code, String status, String villageCode) {
    }

    Optional<GridRow> grid(String code) {
        return jdbc.sql("SELECT id, code, status, village_code FROM grid WHERE code = ?")
                .param(code)
                .query(GridRow.class)
                .optional();
    }

    /** Locks the grid row, so that two team edits of one grid run one after the other. */
    void lockGrid(long gridId) {
        jdbc.sql("SELECT id FROM grid WHERE id = ? FOR UPDATE").param(gridId).query(Long.class).single();
    }

    List<GridRow> activeGridsOfVillage(String villageCode) {
        return jdbc.sql("SELECT id, code, status, village_code FROM grid WHERE village_code = ? AND status = 'active' ORDER BY code")
                .param(villageCode)
                .query(GridRow.class)
                .list();
    }

    /** A grid worker; {@code departmentCode} is set for department staff (professional grid workers). */
    record Worker(long id, String name, String departmentCode, String departmentName) {
    }

    Optional<Worker> worker(long id) {
        return jdbc.sql("""
                        SELECT w.id, w.name, w.department_code, d.name AS department_name
                          FROM grid_worker w LEFT JOIN department d ON d.code = w.department_code
                         WHERE w.id = ?
                        """)
                .param(id)
                .query(Worker.class)
                .optional();
    }

    /** Lists workers whose name contains the text, optionally of one department, by name. */
    List<Worker> findWorkers(String nameContains, String departmentCode, int limit) {
        return jdbc.sql("""
                        SELECT w.id, w.name, w.department_code, d.name AS department_name
                          FROM grid_worker w LEFT JOIN department d ON d.code = w.department_code
                         WHERE strpos(w.name, :text) > 0
                           AND (CAST(:department AS text) IS NULL OR w.department_code = :department)
                         ORDER BY w.name, w.id
                         LIMIT :limit
                        """)
                .param("text", nameContains)
                .param("department", departmentCode)
                .param("limit", limit)
                .query(Worker.class)
                .list();
    }

    boolean departmentExists(String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM department WHERE code = ?)").param(code).query(Boolean.class)
                .single();
    }

    long insertWorker(String name, String phone, String departmentCode) {
        return jdbc.sql("""
                        INSERT INTO grid_worker (name, phone, department_code, source)
                        VALUES (?, ?, ?, 'entered') RETURNING id
                        """)
                .params(name, phone, departmentCode)
                .query(Long.class)
                .single();
    }

    /** A worker in a grid's team. */
    record Member(long workerId, String name, String role, String departmentCode, String departmentName) {
    }

    List<Member> team(long gridId) {
        return jdbc.sql("""
                        SELECT a.worker_id, w.name, a.role, w.department_code, d.name AS department_name
                          FROM grid_assignment a
                          JOIN grid_worker w ON w.id = a.worker_id
                          LEFT JOIN department d ON d.code = w.department_code
                         WHERE a.grid_id = ?
                         ORDER BY array_position(ARRAY['leader', 'full_time', 'professional', 'part_time'], a.role),
                                  w.name, w.id
                        """)
                .param(gridId)
                .query(Member.class)
                .list();
    }

    /**
     * Names the person making the team changes of the current transaction, for the history
     * trigger on grid_assignment; null leaves the name empty.
     */
    void recordActor(String actor) {
        jdbc.sql("SELECT set_config('hemei.team_actor', ?, true)").param(actor == null ? "" : actor)
                .query(String.class).single();
    }

    /** Adds an assignment; returns false when the worker already has that role in the grid. */
    boolean assign(long gridId, long workerId, String role) {
        return jdbc.sql("""
                        INSERT INTO grid_assignment (grid_id, worker_id, role) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING
                        """)
                .params(gridId, workerId, role)
                .update() == 1;
    }

    boolean unassign(long gridId, long workerId, String role) {
        return jdbc.sql("DELETE FROM grid_assignment WHERE grid_id = ? AND worker_id = ? AND role = ?")
                .params(gridId, workerId, role)
                .update() == 1;
    }
}
