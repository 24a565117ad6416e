package cn.hemeigrid.incident;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hemeigrid.catalogue.MatterCategory;
import cn.hemeigrid.geo.LonLat;
import cn.hemeigrid.system.RejectedRequestException;

/**
 * Followers of incidents, who are residents following an open incident instead of reporting the
 * same matter again. Each follower gets a tracking code of its own that shows the followed
 * incident's public status but cannot rate it.
 */
@Service
class IncidentFollowers {

    private static final Logger log = LoggerFactory.getLogger(IncidentFollowers.class);

    private final Incidents incidents;
    private final JdbcClient jdbc;
    private final Clock clock;

    IncidentFollowers(Incidents incidents, JdbcClient jdbc, Clock clock) {
        this.incidents = incidents;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record FollowRequest(String contact) {
    }

    record Followed(String followerCode, IncidentStatus status) {
    }

    /**
     * Registers a follower of the open incident with the given tracking code.
     *
     * @return the follower's own tracking code and the incident's state
     * @throws RejectedRequestException 404 for an unknown code, 409 when the incident is no longer
     *                                  open, 400 for an invalid contact
     */
    @Transactional
    public Followed follow(String typedTrackingCode, FollowRequest request) {
        String contact = IncidentIntake.contact(request == null ? null : request.contact());
        Incident incident = Optional.ofNullable(TrackingCodes.normalise(typedTrackingCode))
                .flatMap(incidents::findByTrackingCodeForUpdate)
                .orElseThrow(() -> RejectedRequestException.notFound("incident.not-found", typedTrackingCode));
        return addFollower(incident, contact);
    }

    /**
     * Registers a follower of an incident that the duplicate suggestion offered: the incident
     * must be of the given category and lie within the category's duplicate radius of the pin.
     * A resident never receives the reporter's tracking code, so this check replaces it.
     *
     * @param pin the resident's pin in CGCS2000
     * @throws RejectedRequestException 404 when no such incident lies near the pin, 409 when the
     *                                  incident is no longer open, 400 for an invalid contact
     */
    @Transactional
    public Followed followNearby(long incidentId, LonLat pin, MatterCategory category, String typedContact) {
        String contact = IncidentIntake.contact(typedContact);
        Incident incident = incidents.findForUpdate(incidentId)
                .filter(found -> found.categoryCode().equals(category.code()))
                .filter(found -> liesWithin(found.id(), pin, category.duplicateRadiusMetres()))
                .orElseThrow(() -> RejectedRequestException.notFound("follower.not-nearby",
                        String.valueOf(incidentId), category.duplicateRadiusMetres()));
        return addFollower(incident, contact);
    }

    private boolean liesWithin(long incidentId, LonLat pin, int radiusMetres) {
        return jdbc.sql("""
                        SELECT ST_DWithin(location::geography,
                                          ST_SetSRID(ST_MakePoint(:lon, :lat), 4490)::geography, :radius)
                          FROM incident
                         WHERE id = :id
                        """)
                .param("lon", pin.lon())
                .param("lat", pin.lat())
                .param("radius", radiusMetres)
                .param("id", incidentId)
                .query(Boolean.class)
                .single();
    }

    /** Adds a follower to an incident whose row the caller has locked; 409 unless it is open. */
    private Followed addFollower(Incident incident, String contact) {
        IncidentStatus status = incident.status();
        if (!status.isOpen()) {
            throw RejectedRequestException.conflict("follower.incident-not-open",
                            new DefaultMessageSourceResolvable("incident.status." + status.code()))
                    .withProperty("currentStatus", status.code());
        }

        String followerCode = TrackingCodes.next();
        jdbc.sql("""
                        INSERT INTO incident_follower (incident_id, tracking_code, contact, followed_at)
                        VALUES (:incident, :code, :contact, :at)
                        """)
                .param("incident", incident.id())
                .param("code", followerCode)
                .param("contact", contact)
                .param("at", Timestamp.from(clock.instant()))
                .update();

        log.info("Incident {}: follower added", incident.id());
        return new Followed(followerCode, status);
    }

    /** Finds the tracking code of the incident that a follower code currently follows. */
    Optional<String> followedTrackingCode(String followerCode) {
        return jdbc.sql("""
                        SELECT i.tracking_code
                          FROM incident_follower f
                          JOIN incident i ON i.id = f.incident_id
                         WHERE f.tracking_code = ?
                        """)
                .param(followerCode)
                .query(String.class)
                .optional();
    }

    int count(long incidentId) {
        return jdbc.sql("SELECT count(*) FROM incident_follower WHERE incident_id = ?")
                .param(incidentId)
                .query(Integer.class)
                .single();
    }

    /**
     * Moves the followers of a duplicate to its original and adds the duplicate's reporter as a
     * follower of the original. The caller holds the row locks of both incidents.
     */
    void mergeInto(Incident duplicate, Incident original, Instant at) {
        int moved = jdbc.sql("""
                        UPDATE incident_follower
                           SET incident_id = :original, merged_from_incident_id = :duplicate
                         WHERE incident_id = :duplicate
                        """)
                .param("original", original.id())
                .param("duplicate", duplicate.id())
                .update();
        jdbc.sql("""
                        INSERT INTO incident_follower (incident_id, contact, followed_at, merged_from_incident_id)
                        SELECT :original, reporter_contact, :at, id FROM incident WHERE id = :duplicate
                        """)
                .param("original", original.id())
                .param("duplicate", duplicate.id())
                .param("at", Timestamp.from(at))
                .update();

        log.info("Incident {}: {} followers and the reporter now follow incident {}", duplicate.id(), moved,
                original.id());
    }
}
