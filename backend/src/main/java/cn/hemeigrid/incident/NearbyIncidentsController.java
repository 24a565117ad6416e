package cn.hemeigrid.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hemeigrid.catalogue.MatterCatalogue;
import cn.hemeigrid.catalogue.MatterCategory;
import cn.hemeigrid.geo.LonLat;
import cn.hemeigrid.routing.ReportedLocation;
import cn.hemeigrid.system.Labels;
import cn.hemeigrid.system.RejectedRequestException;

/**
 * Duplicate suggestions: when a resident drops a pin, the open incidents of the same category
 * nearby are offered first, so the resident can follow one instead of filing it again.
 */
@RestController
class NearbyIncidentsController {

    static final int MAX_SUGGESTIONS = 10;

    private final JdbcClient jdbc;
    private final MatterCatalogue catalogue;
    private final Labels labels;

    NearbyIncidentsController(JdbcClient jdbc, MatterCatalogue catalogue, Labels labels) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.labels = labels;
    }

    record NearbyIncident(long id, String status, String statusName, String descriptionExcerpt, Instant reportedAt,
                          double distanceMetres) {
    }

    /** @param radiusMetres the category's duplicate radius that was searched */
    record Suggestions(String category, int radiusMetres, List<NearbyIncident> items) {
    }

    /**
     * Lists up to 10 open incidents of the category within the category's duplicate radius
     * (250 m unless the catalogue sets another), nearest first. Distances are on the ellipsoid.
     */
    @GetMapping("/api/v1/incidents/nearby")
    Suggestions nearby(@RequestParam(required = false) Double lon,
                       @RequestParam(required = false) Double lat,
                       @RequestParam(required = false) String crs,
                       @RequestParam(required = false) String category) {
        ReportedLocation location = ReportedLocation.parse(lon, lat, crs);
        if (!location.cgcs2000().isOnEarth()) {
            throw RejectedRequestException.badRequest("coordinate.out-of-range", lon, lat);
        }
        if (category == null || category.isBlank()) {
            throw RejectedRequestException.badRequest("category.missing");
        }
        MatterCategory matter = catalogue.find(category.strip())
                .orElseThrow(() -> RejectedRequestException.badRequest("category.unknown", category));

        List<NearbyIncident> items = openIncidentsNear(location.cgcs2000(), matter);
        return new Suggestions(matter.code(), matter.duplicateRadiusMetres(), items);
    }

    private List<NearbyIncident> openIncidentsNear(LonLat point, MatterCategory category) {
        // A bounding-box prefilter in degrees lets the spatial index narrow the candidates before
        // the exact geography distance; 1.5 times the degree span of the radius at this latitude.
        double degrees = 1.5 * category.duplicateRadiusMetres() / (111_320.0 * Math.cos(Math.toRadians(point.lat())));
        return jdbc.sql("""
                        SELECT i.id, i.status, left(i.description, 60) AS excerpt, i.reported_at,
                               ST_Distance(i.location::geography, p.pt::geography) AS distance
                          FROM incident i, (SELECT ST_SetSRID(ST_MakePoint(:lon, :lat), 4490) AS pt) p
                         WHERE i.category_code = :category
                           AND i.status NOT IN (:closed)
                           AND i.location && ST_Expand(p.pt, :degrees)
                           AND ST_DWithin(i.location::geography, p.pt::geography, :radius)
                         ORDER BY distance, i.id
                         LIMIT :limit
                        """)
                .param("lon", point.lon())
                .param("lat", point.lat())
                .param("category", category.code())
                .param("closed", IncidentQueries.CLOSED_STATUSES)
                .param("degrees", degrees)
                .param("radius", category.duplicateRadiusMetres())
                .param("limit", MAX_SUGGESTIONS)
                .query((row, n) -> {
                    String status = row.getString("status");
                    Timestamp reportedAt = row.getTimestamp("reported_at");
                    return new NearbyIncident(row.getLong("id"), status, labels.of("incident.status", status),
                            row.getString("excerpt"), reportedAt.toInstant(), row.getDouble("distance"));
                })
                .list();
    }
}
