package cn.hemeigrid.incident;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
 * Suggestions carry no tracking codes, since a reporter's code also lets its holder rate the
 * incident.
 */
@RestController
class NearbyIncidentsController {

    static final int MAX_SUGGESTIONS = 10;

    private final JdbcClient jdbc;
    private final MatterCatalogue catalogue;
    private final Labels labels;
    private final IncidentFollowers followers;

    NearbyIncidentsController(JdbcClient jdbc, MatterCatalogue catalogue, Labels labels,
                              IncidentFollowers followers) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.labels = labels;
        this.followers = followers;
    }

    /** @param location the incident's point in CGCS2000 */
    record NearbyIncident(long id, String status, String statusName, String categoryName, String descriptionExcerpt,
                          Instant reportedAt, LonLat location, double distanceMetres) {
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
        LonLat pin = pin(lon, lat, crs);
        MatterCategory matter = category(category);

        List<NearbyIncident> items = openIncidentsNear(pin, matter);
        return new Suggestions(matter.code(), matter.duplicateRadiusMetres(), items);
    }

    /** The resident's pin and category, as sent to the suggestion list, and an optional contact. */
    record NearbyFollowRequest(Double lon, Double lat, String crs, String category, String contact) {
    }

    /**
     * Registers a follower of a suggested incident, found by its id together with the pin and
     * category that the suggestion list was asked for, because residents never see the
     * reporter's tracking code. 404 unless the incident is of that category and within its
     * duplicate radius of the pin, 409 once it is no longer open.
     */
    @PostMapping("/api/v1/incidents/nearby/{id}/followers")
    ResponseEntity<IncidentController.FollowAccepted> follow(@PathVariable long id,
                                                             @RequestBody(required = false) NearbyFollowRequest request) {
        NearbyFollowRequest body = request == null ? new NearbyFollowRequest(null, null, null, null, null) : request;
        LonLat pin = pin(body.lon(), body.lat(), body.crs());
        MatterCategory matter = category(body.category());

        IncidentFollowers.Followed followed = followers.followNearby(id, pin, matter, body.contact());

        String status = followed.status().code();
        IncidentController.FollowAccepted accepted = new IncidentController.FollowAccepted(followed.followerCode(),
                status, labels.of("incident.status", status));
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + followed.followerCode())).body(accepted);
    }

    private static LonLat pin(Double lon, Double lat, String crs) {
        ReportedLocation location = ReportedLocation.parse(lon, lat, crs);
        if (!location.cgcs2000().isOnEarth()) {
            throw RejectedRequestException.badRequest("coordinate.out-of-range", lon, lat);
        }
        return location.cgcs2000();
    }

    private MatterCategory category(String code) {
        if (code == null || code.isBlank()) {
            throw RejectedRequestException.badRequest("category.missing");
        }
        return catalogue.find(code.strip())
                .orElseThrow(() -> RejectedRequestException.badRequest("category.unknown", code));
    }

    private List<NearbyIncident> openIncidentsNear(LonLat point, MatterCategory category) {
        // A bounding-box prefilter in degrees lets the spatial index narrow the candidates before
        // the exact geography distance; 1.5 times the degree span of the radius at this latitude.
        double degrees = 1.5 * category.duplicateRadiusMetres() / (111_320.0 * Math.cos(Math.toRadians(point.lat())));
        return jdbc.sql("""
                        SELECT i.id, i.status, left(i.description, 60) AS excerpt, i.reported_at,
                               ST_X(i.location) AS lon, ST_Y(i.location) AS lat,
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
                            category.name(), row.getString("excerpt"), reportedAt.toInstant(),
                            new LonLat(row.getDouble("lon"), row.getDouble("lat")), row.getDouble("distance"));
                })
                .list();
    }
}
