package cn.hemeigrid.incident;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

import cn.hemeigrid.catalogue.Urgency;
import cn.hemeigrid.routing.ReportedLocation;
import cn.hemeigrid.routing.Routing;

/** A reported incident with the routing it received on arrival, including the grid versions it was routed to. */
@Entity
@Table(name = "incident")
public class Incident {

    static final GeometryFactory CGCS2000 = new GeometryFactory(new PrecisionModel(), 4490);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String trackingCode;
    private Point location;
    private double reportedLon;
    private double reportedLat;
    private String reportedCrs;
    private String categoryCode;
    private String description;
    private String urgency;
    private String channel;
    private String reporterContact;
    private long gridId;
    private Long dedicatedGridId;
    private int gridVersion;
    private Integer dedicatedGridVersion;
    private String villageCode;
    private String departmentCode;
    private String handlerRouteCode;
    private boolean outsideCoverage;
    private double distanceMetres;
    private String status;
    private Instant reportedAt;
    private Instant assignDeadline;
    private Instant handlingDeadline;
    private Instant updatedAt;
    @Column(updatable = false)
    private String source;

    protected Incident() {
    }

    /** Creates a new incident in state 'reported' from a routed report. */
    static Incident report(ReportedLocation location, Routing routing, String description, Urgency urgency,
                           Channel channel, String contact, Instant at) {
        Incident incident = new Incident();
        incident.trackingCode = TrackingCodes.next();
        incident.location = CGCS2000.createPoint(new Coordinate(routing.location().lon(), routing.location().lat()));
        incident.reportedLon = location.reported().lon();
        incident.reportedLat = location.reported().lat();
        incident.reportedCrs = location.crs().code();
        incident.categoryCode = routing.category().code();
        incident.description = description;
        incident.urgency = urgency.code();
        incident.channel = channel.code();
        incident.reporterContact = contact;
        incident.gridId = routing.grid().id();
        incident.dedicatedGridId = routing.dedicatedGrid() == null ? null : routing.dedicatedGrid().id();
        incident.gridVersion = routing.grid().version();
        incident.dedicatedGridVersion = routing.dedicatedGrid() == null ? null : routing.dedicatedGrid().version();
        incident.villageCode = routing.village().code();
        incident.departmentCode = routing.department().code();
        incident.handlerRouteCode = routing.handlerRoute().code();
        incident.outsideCoverage = routing.outsideCoverage();
        incident.distanceMetres = routing.distanceMetres();
        incident.status = "reported";
        incident.reportedAt = at;
        incident.assignDeadline = routing.assignDeadline();
        incident.handlingDeadline = routing.handlingDeadline();
        incident.updatedAt = at;
        incident.source = "reported";
        return incident;
    }

    /** Marks a demonstration incident made by the data import, so it is never taken for a real report. */
    Incident markGenerated() {
        this.source = "generated";
        return this;
    }

    public Long id() {
        return id;
    }

    public String trackingCode() {
        return trackingCode;
    }

    public Point location() {
        return location;
    }

    public double reportedLon() {
        return reportedLon;
    }

    public double reportedLat() {
        return reportedLat;
    }

    public String reportedCrs() {
        return reportedCrs;
    }

    public String categoryCode() {
        return categoryCode;
    }

    public String description() {
        return description;
    }

    public String urgency() {
        return urgency;
    }

    public String status() {
        return status;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public int gridVersion() {
        return gridVersion;
    }
}
