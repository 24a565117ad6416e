package cn.hemeigrid.dataload;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.hemeigrid.dataload.HuizhouDataset.Assignment;
import cn.hemeigrid.dataload.HuizhouDataset.Facility;
import cn.hemeigrid.dataload.HuizhouDataset.Grid;
import cn.hemeigrid.dataload.HuizhouDataset.Worker;

/**
 * Inserts a {@link HuizhouDataset} with JDBC batches, geometry as WKB with SRID 4490. Grid and
 * worker ids are drawn from their sequences first, so that assignments can refer to them
 * without reading rows back. Runs in the caller's transaction.
 */
final class DatasetWriter {

    private static final int BATCH_SIZE = 1000;

    private final JdbcTemplate jdbc;
    private final WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);

    DatasetWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(HuizhouDataset dataset) {
        insertUnits(dataset.units());
        Map<String, Long> gridIds = insertGrids(dataset.grids());
        Map<Integer, Long> workerIds = insertWorkers(dataset.workers());
        insertAssignments(dataset.assignments(), gridIds, workerIds);
        insertFacilities(dataset.facilities());
    }

    private void insertUnits(List<AdministrativeUnit> units) {
        jdbc.batchUpdate("""
                INSERT INTO administrative_unit (code, level, name, parent_code, geom, centre, centre_source, geometry_source)
                VALUES (?, ?, ?, ?, ST_GeomFromWKB(?, 4490), ST_GeomFromWKB(?, 4490), ?, ?)
                """, units, BATCH_SIZE, (statement, unit) -> {
            statement.setString(1, unit.code());
            statement.setString(2, unit.level());
            statement.setString(3, unit.name());
            statement.setString(4, unit.parentCode());
            statement.setBytes(5, wkb(unit.geometry()));
            statement.setBytes(6, wkb(unit.centre()));
            statement.setString(7, unit.centreSurveyed() ? "surveyed" : "generated");
            statement.setString(8, unit.geometryImported() ? "imported" : "generated");
        });
    }

    private Map<String, Long> insertGrids(List<Grid> grids) {
        List<Long> ids = nextIds("grid", grids.size());
        Map<String, Long> idsByCode = new TreeMap<>();
        for (int i = 0; i < grids.size(); i++) {
            idsByCode.put(grids.get(i).code(), ids.get(i));
        }

        jdbc.batchUpdate("""
                INSERT INTO grid (id, code, name, kind, dedicated_type, village_code, geom, status, version, source)
                VALUES (?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, 4490), 'active', 1, 'generated')
                """, grids, BATCH_SIZE, (statement, grid) -> {
            statement.setLong(1, idsByCode.get(grid.code()));
            statement.setString(2, grid.code());
            statement.setString(3, grid.name());
            statement.setString(4, grid.kind());
            if (grid.dedicatedType() == null) {
                statement.setNull(5, Types.VARCHAR);
            } else {
                statement.setString(5, grid.dedicatedType().code);
            }
            statement.setString(6, grid.villageCode());
            statement.setBytes(7, wkb(grid.geometry()));
        });
        return idsByCode;
    }

    private Map<Integer, Long> insertWorkers(List<Worker> workers) {
        List<Long> ids = nextIds("grid_worker", workers.size());
        Map<Integer, Long> idsByNumber = new TreeMap<>();
        for (int i = 0; i < workers.size(); i++) {
            idsByNumber.put(workers.get(i).number(), ids.get(i));
        }

        jdbc.batchUpdate("""
                INSERT INTO grid_worker (id, name, phone, department_code, source)
                VALUES (?, ?, NULL, ?, 'generated')
                """, workers, BATCH_SIZE, (statement, worker) -> {
            statement.setLong(1, idsByNumber.get(worker.number()));
            statement.setString(2, worker.name());
            statement.setString(3, worker.departmentCode());
        });
        return idsByNumber;
    }

    /**
     * Inserts all assignments in one statement from three arrays, because there are over a
     * hundred thousand of them and one statement avoids binding and executing each row.
     */
    private void insertAssignments(List<Assignment> assignments, Map<String, Long> gridIds,
                                   Map<Integer, Long> workerIds) {
        Long[] grids = new Long[assignments.size()];
        Long[] workers = new Long[assignments.size()];
        String[] roles = new String[assignments.size()];
        for (int i = 0; i < assignments.size(); i++) {
            grids[i] = gridIds.get(assignments.get(i).gridCode());
            workers[i] = workerIds.get(assignments.get(i).workerNumber());
            roles[i] = assignments.get(i).role();
        }

        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO grid_assignment (grid_id, worker_id, role)
                    SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::text[])
                    """);
            statement.setArray(1, connection.createArrayOf("bigint", grids));
            statement.setArray(2, connection.createArrayOf("bigint", workers));
            statement.setArray(3, connection.createArrayOf("text", roles));
            return statement;
        });
    }

    private void insertFacilities(List<Facility> facilities) {
        jdbc.batchUpdate("INSERT INTO facility (kind, name, geom, source) VALUES (?, ?, ST_GeomFromWKB(?, 4490), 'generated')",
                facilities, BATCH_SIZE, (statement, facility) -> {
                    statement.setString(1, facility.kind());
                    statement.setString(2, facility.name());
                    statement.setBytes(3, wkb(facility.location()));
                });
    }

    /** Draws ids from the table's bigserial sequence, lowest first. */
    private List<Long> nextIds(String table, int count) {
        return jdbc.queryForList("""
                SELECT nextval(pg_get_serial_sequence(?, 'id')) AS id FROM generate_series(1, ?) ORDER BY id
                """, Long.class, table, count);
    }

    private byte[] wkb(Geometry geometry) {
        return wkb.write(geometry);
    }
}
