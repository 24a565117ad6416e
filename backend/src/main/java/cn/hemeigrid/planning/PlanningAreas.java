package cn.hemeigrid.planning;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.MultiPolygon;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the administrative units that grid planning checks against. */
@Repository
class PlanningAreas {

    private final JdbcClient jdbc;

    PlanningAreas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Unit(String code, String name, String level, MultiPolygon shape) {
    }

    Optional<Unit> unit(String code) {
        return jdbc.sql("SELECT code, name, level, ST_AsBinary(geom) AS wkb FROM administrative_unit WHERE code = ?")
                .param(code)
                .query((row, n) -> new Unit(row.getString("code").trim(), row.getString("name"),
                        row.getString("level"), PlannedGrids.read(row.getBytes("wkb"))))
                .optional();
    }

    Optional<Unit> village(String code) {
        return unit(code).filter(unit -> unit.level().equals("village"));
    }

    /** Returns those of the codes that name a village/community, sorted. */
    List<String> knownVillageCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT code FROM administrative_unit
                         WHERE level = 'village' AND code::text = ANY (?::text[])
                         ORDER BY code
                        """)
                .param(codes.toArray(String[]::new))
                .query(String.class)
                .list()
                .stream()
                .map(String::trim)
                .toList();
    }

    /**
     * Lists the villages/communities in a unit by the parent links: the unit itself when it is
     * a village, the villages of a township, or the villages of every township of a county.
     */
    List<String> villageCodesIn(Unit unit) {
        return jdbc.sql("""
                        SELECT v.code FROM administrative_unit v
                          LEFT JOIN administrative_unit t ON t.code = v.parent_code
                         WHERE v.level = 'village'
                           AND (v.code = :code OR v.parent_code = :code OR t.parent_code = :code)
                         ORDER BY v.code
                        """)
                .param("code", unit.code())
                .query(String.class)
                .list()
                .stream()
                .map(String::trim)
                .toList();
    }

    /** Returns the extent of the city outlines, or empty before any data is loaded. */
    Optional<Envelope> cityExtent() {
        return jdbc.sql("""
                        SELECT ST_XMin(e) AS min_x, ST_XMax(e) AS max_x, ST_YMin(e) AS min_y, ST_YMax(e) AS max_y
                          FROM (SELECT ST_Extent(geom) AS e FROM administrative_unit WHERE level = 'city') x
                         WHERE e IS NOT NULL
                        """)
                .query((row, n) -> new Envelope(row.getDouble("min_x"), row.getDouble("max_x"),
                        row.getDouble("min_y"), row.getDouble("max_y")))
                .optional();
    }
}
