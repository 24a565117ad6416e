package cn.hemeigrid.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.hemeigrid.geo.LonLat;
import cn.hemeigrid.system.Labels;

/**
 * Finds the active grid at a point.
 *
 * <p>Boundary rule: a point on the boundary of several grids (an edge shared by two grids, a
 * vertex shared by four) belongs to the grid with the smallest code. {@code ST_Intersects}
 * counts a boundary point as inside every grid that touches it, and the query takes the first
 * code in order, so the result is the same on every call.
 */
@Repository
class GridLocator {

    private static final String COLUMNS = "g.id, g.code, g.name, g.kind, g.dedicated_type, g.village_code, g.version";

    private final JdbcClient jdbc;
    private final Labels labels;

    GridLocator(JdbcClient jdbc, Labels labels) {
        this.jdbc = jdbc;
        this.labels = labels;
    }

    Optional<GridRef> gridAt(LonLat point, String kind) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM grid g
                        WHERE g.status = 'active' AND g.kind = :kind
                          AND ST_Intersects(g.geom, ST_SetSRID(ST_MakePoint(:lon, :lat), 4490))
                        ORDER BY g.code
                        LIMIT 1
                        """)
                .param("kind", kind)
                .param("lon", point.lon())
                .param("lat", point.lat())
                .query(this::toGrid)
                .optional();
    }

    Optional<GridRef> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM grid g WHERE g.id = ?")
                .param(id)
                .query(this::toGrid)
                .optional();
    }

    /** Finds the nearest active basic grid within a distance in metres, measured on the ellipsoid. */
    Optional<NearbyGrid> nearestBasicGrid(LonLat point, double maxMetres) {
        // A bounding-box prefilter in degrees lets the spatial index narrow the candidates before
        // the exact geography distance; 1.5 times the degree span of maxMetres at this latitude.
        double degrees = 1.5 * maxMetres / (111_320.0 * Math.cos(Math.toRadians(point.lat())));
        return jdbc.sql("SELECT " + COLUMNS + """
                             , ST_Distance(g.geom::geography, p.pt::geography) AS distance
                         FROM grid g, (SELECT ST_SetSRID(ST_MakePoint(:lon, :lat), 4490) AS pt) p
                        WHERE g.status = 'active' AND g.kind = 'basic'
                          AND g.geom && ST_Expand(p.pt, :degrees)
                          AND ST_DWithin(g.geom::geography, p.pt::geography, :metres)
                        ORDER BY distance, g.code
                        LIMIT 1
                        """)
                .param("lon", point.lon())
                .param("lat", point.lat())
                .param("degrees", degrees)
                .param("metres", maxMetres)
                .query((row, n) -> new NearbyGrid(toGrid(row, n), row.getDouble("distance")))
                .optional();
    }

    record NearbyGrid(GridRef grid, double distanceMetres) {
    }

    private GridRef toGrid(ResultSet row, int rowNumber) throws SQLException {
        String dedicatedType = row.getString("dedicated_type");
        return new GridRef(
                row.getLong("id"),
                row.getString("code"),
                row.getString("name"),
                row.getString("kind"),
                dedicatedType,
                labels.of("dedicated", dedicatedType),
                row.getString("village_code"),
                row.getInt("version"));
    }
}
