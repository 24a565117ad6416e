package cn.hemeigrid.planning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.hemeigrid.access.Jurisdiction;
import cn.hemeigrid.access.JurisdictionCondition;
import cn.hemeigrid.map.BoundingBox;
import cn.hemeigrid.planning.geometry.Areas;
import cn.hemeigrid.planning.geometry.GeoJson;

/** Reads the versions and lineage of grids, and the grid layer as it was at an instant. */
@Repository
class GridHistory {

    private final JdbcClient jdbc;

    GridHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One version of a grid, valid from {@code validFrom} (inclusive) to {@code validTo}
     * (exclusive, null for the current version).
     */
    record Version(int version, String name, String kind, String dedicatedType, String status, String change,
                   Instant validFrom, Instant validTo, double areaSquareMetres, Map<String, Object> geometry) {
    }

    List<Version> versions(long gridId) {
        return jdbc.sql("""
                        SELECT version, name, kind, dedicated_type, status, change, valid_from, valid_to,
                               ST_AsBinary(geom) AS wkb
                          FROM grid_version WHERE grid_id = ? ORDER BY version
                        """)
                .param(gridId)
                .query((row, n) -> {
                    var shape = PlannedGrids.read(row.getBytes("wkb"));
                    return new Version(row.getInt("version"), row.getString("name"), row.getString("kind"),
                            row.getString("dedicated_type"), row.getString("status"), row.getString("change"),
                            instant(row.getTimestamp("valid_from")), instant(row.getTimestamp("valid_to")),
                            Math.round(Areas.squareMetres(shape) * 10) / 10.0, GeoJson.geometry(shape));
                })
                .list();
    }

    /** A grid linked to another by a split or merge. */
    record Link(String code, String name, String status, String change, Instant changedAt) {
    }

    /** Lists the grids this grid came from. */
    List<Link> predecessors(long gridId) {
        return links("l.predecessor_id", "l.successor_id", gridId);
    }

    /** Lists the grids that replaced this grid. */
    List<Link> successors(long gridId) {
        return links("l.successor_id", "l.predecessor_id", gridId);
    }

    private List<Link> links(String otherColumn, String ownColumn, long gridId) {
        return jdbc.sql("SELECT g.code, g.name, g.status, l.change, l.changed_at FROM grid_lineage l JOIN grid g ON g.id = "
                        + otherColumn + " WHERE " + ownColumn + " = ? ORDER BY g.code")
                .param(gridId)
                .query((row, n) -> new Link(row.getString("code"), row.getString("name"), row.getString("status"),
                        row.getString("change"), instant(row.getTimestamp("changed_at"))))
                .list();
    }

    /** A grid as it was at an instant, as GeoJSON feature parts. */
    record PastGrid(String code, String name, String kind, String dedicatedType, String villageCode, int version,
                    String geometryJson) {
    }

    /** Lists up to {@code limit} grids inside the jurisdiction that were active at the instant inside the box. */
    List<PastGrid> layerAt(Jurisdiction jurisdiction, Instant at, BoundingBox box, int limit) {
        JurisdictionCondition inJurisdiction = JurisdictionCondition.grids(jurisdiction, "v");
        return jdbc.sql("""
                        SELECT v.code, v.name, v.kind, v.dedicated_type, v.village_code, v.version,
                               ST_AsGeoJSON(v.geom, 7, 0) AS geometry
                          FROM grid_version v
                         WHERE v.valid_from <= :at AND (v.valid_to IS NULL OR v.valid_to > :at) AND v.status = 'active'
                           AND v.geom && ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4490)
                           AND %s
                         ORDER BY v.kind, v.code
                         LIMIT :limit
                        """.formatted(inJurisdiction.sql()))
                .params(inJurisdiction.parameters())
                .param("at", Timestamp.from(at))
                .param("minLon", box.minLon()).param("minLat", box.minLat())
                .param("maxLon", box.maxLon()).param("maxLat", box.maxLat())
                .param("limit", limit)
                .query((row, n) -> new PastGrid(row.getString("code"), row.getString("name"), row.getString("kind"),
                        row.getString("dedicated_type"), row.getString("village_code"), row.getInt("version"),
                        row.getString("geometry")))
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
