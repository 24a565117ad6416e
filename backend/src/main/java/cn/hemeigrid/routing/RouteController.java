package cn.hemeigrid.routing;

import java.time.Clock;
import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hemeigrid.catalogue.MatterCatalogue;
import cn.hemeigrid.catalogue.MatterCategory;
import cn.hemeigrid.catalogue.Urgency;
import cn.hemeigrid.system.RejectedRequestException;

@RestController
class RouteController {

    private final IncidentRouter router;
    private final MatterCatalogue catalogue;
    private final Clock clock;

    RouteController(IncidentRouter router, MatterCatalogue catalogue, Clock clock) {
        this.router = router;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * Routes a point without storing anything: the division, grid and team, and with a
     * category the department, handler route and the deadlines an incident reported now would get.
     */
    @GetMapping("/api/v1/route")
    Routing route(@RequestParam(required = false) Double lon,
                  @RequestParam(required = false) Double lat,
                  @RequestParam(required = false) String crs,
                  @RequestParam(required = false) String category,
                  @RequestParam(required = false) String urgency) {
        ReportedLocation location = ReportedLocation.parse(lon, lat, crs);
        Optional<MatterCategory> matter = Optional.ofNullable(category)
                .filter(code -> !code.isBlank())
                .map(code -> catalogue.find(code.trim())
                        .orElseThrow(() -> RejectedRequestException.badRequest("category.unknown", code)));
        Urgency level = Urgency.parse(urgency);

        return router.route(location, matter, level, clock.instant());
    }
}
