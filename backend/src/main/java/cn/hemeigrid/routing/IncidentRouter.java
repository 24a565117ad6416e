package cn.hemeigrid.routing;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hemeigrid.CodeName;
import cn.hemeigrid.catalogue.Deadlines;
import cn.hemeigrid.catalogue.MatterCategory;
import cn.hemeigrid.catalogue.Urgency;
import cn.hemeigrid.catalogue.WorkingCalendars;
import cn.hemeigrid.division.AdministrativeUnits;
import cn.hemeigrid.division.DivisionChain;
import cn.hemeigrid.geo.LonLat;
import cn.hemeigrid.system.RejectedRequestException;
import cn.hemeigrid.team.GridTeams;

/**
 * Routes a point to its grid, team and, given a matter category, department and deadlines.
 *
 * <p>A point in no basic grid but inside the city's outline goes to the nearest basic grid
 * within {@value #COVERAGE_TOLERANCE_METRES} m and is flagged outside coverage. Farther away,
 * or outside the city, it is rejected with 422; when exchanging longitude and latitude would
 * put it in the city, the message states that. See {@link GridLocator} for points on grid
 * boundaries.
 */
@Service
public class IncidentRouter {

    static final double COVERAGE_TOLERANCE_METRES = 200;

    private final GridLocator grids;
    private final CityOutline cityOutline;
    private final AdministrativeUnits divisions;
    private final GridTeams teams;
    private final WorkingCalendars calendars;

    IncidentRouter(GridLocator grids, CityOutline cityOutline, AdministrativeUnits divisions, GridTeams teams,
                   WorkingCalendars calendars) {
        this.grids = grids;
        this.cityOutline = cityOutline;
        this.divisions = divisions;
        this.teams = teams;
        this.calendars = calendars;
    }

    @Transactional(readOnly = true)
    public Routing route(ReportedLocation location, Optional<MatterCategory> category, Urgency urgency, Instant at) {
        LonLat point = location.cgcs2000();
        GridRef basicGrid;
        double distance = 0;
        boolean outsideCoverage = false;

        Optional<GridRef> containing = point.isOnEarth() ? grids.gridAt(point, "basic") : Optional.empty();
        if (containing.isPresent()) {
            basicGrid = containing.get();
        } else {
            GridLocator.NearbyGrid nearby = nearestGridInJurisdiction(location);
            basicGrid = nearby.grid();
            distance = nearby.distanceMetres();
            outsideCoverage = true;
        }
        Optional<GridRef> dedicatedGrid = outsideCoverage ? Optional.empty() : grids.gridAt(point, "dedicated");
        GridRef assigned = dedicatedGrid.orElse(basicGrid);

        DivisionChain chain = divisions.chainOf(basicGrid.villageCode())
                .orElseThrow(() -> new IllegalStateException("Grid " + basicGrid.code() + " has no division chain"));
        Routing.Person professional = category
                .flatMap(c -> teams.professionalMember(basicGrid.id(), c.department().code()))
                .map(Routing.Person::new)
                .orElse(null);
        Deadlines deadlines = category.map(c -> Deadlines.of(c, urgency, at, calendars.load())).orElse(null);

        return new Routing(
                point, chain.county(), chain.township(), chain.village(),
                basicGrid, dedicatedGrid.orElse(null), assigned.code(),
                outsideCoverage, distance, teams.teamOf(assigned.id()),
                category.map(c -> new CodeName(c.code(), c.name())).orElse(null),
                category.map(MatterCategory::department).orElse(null),
                professional,
                category.map(MatterCategory::handlerRoute).orElse(null),
                deadlines == null ? null : deadlines.assignDeadline(),
                deadlines == null ? null : deadlines.handlingDeadline());
    }

    /**
     * Rebuilds the routing an incident received from what was stored with it, so that a later
     * change of the grid layer or catalogue does not change where a past incident went.
     */
    @Transactional(readOnly = true)
    public Routing replay(StoredRoute stored) {
        GridRef basicGrid = grids.byId(stored.gridId())
                .orElseThrow(() -> new IllegalStateException("Stored grid " + stored.gridId() + " does not exist"));
        GridRef dedicatedGrid = stored.dedicatedGridId() == null ? null : grids.byId(stored.dedicatedGridId())
                .orElseThrow(() -> new IllegalStateException("Stored grid " + stored.dedicatedGridId() + " does not exist"));
        GridRef assigned = dedicatedGrid == null ? basicGrid : dedicatedGrid;
        DivisionChain chain = divisions.chainOf(basicGrid.villageCode())
                .orElseThrow(() -> new IllegalStateException("Grid " + basicGrid.code() + " has no division chain"));
        Routing.Person professional = teams.professionalMember(basicGrid.id(), stored.department().code())
                .map(Routing.Person::new)
                .orElse(null);

        return new Routing(
                stored.location(), chain.county(), chain.township(), chain.village(),
                basicGrid, dedicatedGrid, assigned.code(),
                stored.outsideCoverage(), stored.distanceMetres(), teams.teamOf(assigned.id()),
                stored.category(), stored.department(), professional, stored.handlerRoute(),
                stored.assignDeadline(), stored.handlingDeadline());
    }

    /** The part of its routing that an incident stores. */
    public record StoredRoute(LonLat location, long gridId, Long dedicatedGridId, boolean outsideCoverage,
                              double distanceMetres, CodeName category, CodeName department,
                              CodeName handlerRoute, Instant assignDeadline, Instant handlingDeadline) {
    }

    private GridLocator.NearbyGrid nearestGridInJurisdiction(ReportedLocation location) {
        LonLat point = location.cgcs2000();
        if (!cityOutline.contains(point)) {
            ReportedLocation swapped = location.swapped();
            if (cityOutline.contains(swapped.cgcs2000())) {
                throw RejectedRequestException.unprocessable("routing.swapped",
                        location.reported().lon(), location.reported().lat());
            }
            if (!point.isOnEarth()) {
                throw RejectedRequestException.badRequest("coordinate.out-of-range", point.lon(), point.lat());
            }
            throw RejectedRequestException.unprocessable("routing.outside-jurisdiction", point.lon(), point.lat());
        }
        return grids.nearestBasicGrid(point, COVERAGE_TOLERANCE_METRES)
                .orElseThrow(() -> RejectedRequestException.unprocessable("routing.no-grid-nearby",
                        point.lon(), point.lat(), (int) COVERAGE_TOLERANCE_METRES));
    }
}
