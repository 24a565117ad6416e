package cn.hemeigrid.planning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.hemeigrid.planning.geometry.GridGeometry;
import cn.hemeigrid.planning.geometry.Neighbour;

/**
 * Reads and writes the current grids for planning. The history in grid_version is written by
 * the database triggers of table grid; {@link #recordChange} names the kind of change they
 * record for the rest of the transaction.
 */
@Repository
class PlannedGrids {

    private static final String COLUMNS = """
            id, code, name, kind, dedicated_type, village_code, status, version, online_group,
            ST_AsBinary(geom) AS wkb""";

    private final JdbcClient jdbc;

    PlannedGrids(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PlannedGrid> find(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM grid WHERE code = ?").param(code).query(this::toGrid).optional();
    }

    /** Finds a grid and locks its row until the transaction ends, so no other change interleaves. */
    Optional<PlannedGrid> lockForChange(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM grid WHERE code = ? FOR UPDATE")
                .param(code)
                .query(this::toGrid)
                .optional();
    }

    /** Lists the active grids of a village/community, basic grids first, each kind in code order. */
    List<PlannedGrid> activeIn(String villageCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM grid WHERE village_code = ? AND status = 'active' ORDER BY kind, code")
                .param(villageCode)
                .query(this::toGrid)
                .list();
    }

    /** Lists the active grids of one kind in a village/community, without the excluded ids. */
    List<Neighbour> activeNeighbours(String villageCode, String kind, Collection<Long> excludedIds) {
        record Row(long id, Neighbour neighbour) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT id, code, ST_AsBinary(geom) AS wkb FROM grid
                         WHERE village_code = :village AND kind = :kind AND status = 'active'
                         ORDER BY code
                        """)
                .param("village", villageCode)
                .param("kind", kind)
                .query((row, n) -> new Row(row.getLong("id"),
                        new Neighbour(row.getString("code"), read(row.getBytes("wkb")))))
                .list();
        return rows.stream().filter(row -> !excludedIds.contains(row.id())).map(Row::neighbour).toList();
    }

    /** Sets the kind of change the grid_version rows of this transaction record, for example 'split'. */
    void recordChange(String change) {
        jdbc.sql("SELECT set_config('hemei.grid_change', ?, true)").param(change).query(String.class).single();
    }

    record NewGrid(GridCode code, String name, String kind, String dedicatedType, String onlineGroup,
                   MultiPolygon shape) {
    }

    long insert(NewGrid grid) {
        return insert(grid, "drawn");
    }

    /** Inserts a grid with the given source: 'drawn' on the planning page, 'imported' from a file. */
    long insert(NewGrid grid, String source) {
        return jdbc.sql("""
                        INSERT INTO grid (code, name, kind, dedicated_type, village_code, geom, source, online_group)
                        VALUES (:code, :name, :kind, :dedicatedType, :village, ST_GeomFromWKB(:wkb, 4490), :source,
                                :onlineGroup)
                        RETURNING id
                        """)
                .param("code", grid.code().value())
                .param("name", grid.name())
                .param("kind", grid.kind())
                .param("dedicatedType", grid.dedicatedType())
                .param("village", grid.code().villageCode())
                .param("wkb", write(grid.shape()))
                .param("onlineGroup", grid.onlineGroup())
                .param("source", source)
                .query(Long.class)
                .single();
    }

    void updateShape(long id, MultiPolygon shape) {
        jdbc.sql("UPDATE grid SET geom = ST_GeomFromWKB(:wkb, 4490), source = 'drawn' WHERE id = :id")
                .param("wkb", write(shape))
                .param("id", id)
                .update();
    }

    void updateAttributes(long id, String name, String kind, String dedicatedType, String onlineGroup) {
        jdbc.sql("""
                        UPDATE grid SET name = :name, kind = :kind, dedicated_type = :dedicatedType,
                                        online_group = :onlineGroup
                         WHERE id = :id
                        """)
                .param("name", name)
                .param("kind", kind)
                .param("dedicatedType", dedicatedType)
                .param("onlineGroup", onlineGroup)
                .param("id", id)
                .update();
    }

    void retire(long id) {
        jdbc.sql("UPDATE grid SET status = 'retired' WHERE id = ?").param(id).update();
    }

    /**
     * Ends every assignment of a retired grid's team, which the history trigger closes. Call it
     * after {@link #copyTeam} has given the team to the grids that replace it.
     */
    void endTeam(long gridId) {
        jdbc.sql("DELETE FROM grid_assignment WHERE grid_id = ?").param(gridId).update();
    }

    void addLineage(long predecessorId, long successorId, String change) {
        jdbc.sql("INSERT INTO grid_lineage (predecessor_id, successor_id, change) VALUES (?, ?, ?)")
                .params(predecessorId, successorId, change)
                .update();
    }

    /** Gives a new grid the team of the grid it came from; members already in it are kept once. */
    void copyTeam(long fromGridId, long toGridId) {
        jdbc.sql("""
                        INSERT INTO grid_assignment (grid_id, worker_id, role)
                        SELECT ?, worker_id, role FROM grid_assignment WHERE grid_id = ?
                        ON CONFLICT DO NOTHING
                        """)
                .params(toGridId, fromGridId)
                .update();
    }

    static MultiPolygon read(byte[] wkb) {
        try {
            Geometry geometry = new WKBReader(GridGeometry.FACTORY).read(wkb);
            return GridGeometry.toMultiPolygon(geometry);
        } catch (ParseException unreadable) {
            throw new IllegalStateException("PostGIS returned unreadable WKB", unreadable);
        }
    }

    private static byte[] write(MultiPolygon shape) {
        return new WKBWriter().write(shape);
    }

    private PlannedGrid toGrid(ResultSet row, int rowNumber) throws SQLException {
        return new PlannedGrid(
                row.getLong("id"),
                row.getString("code"),
                row.getString("name"),
                row.getString("kind"),
                row.getString("dedicated_type"),
                row.getString("village_code"),
                row.getString("status"),
                row.getInt("version"),
                row.getString("online_group"),
                read(row.getBytes("wkb")));
    }
}
