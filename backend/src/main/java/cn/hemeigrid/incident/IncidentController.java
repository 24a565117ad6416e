package cn.hemeigrid.incident;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hemeigrid.access.CurrentJurisdiction;
import cn.hemeigrid.geo.LonLat;
import cn.hemeigrid.map.BoundingBox;
import cn.hemeigrid.routing.IncidentRouter;
import cn.hemeigrid.routing.Routing;
import cn.hemeigrid.system.Labels;
import cn.hemeigrid.system.RejectedRequestException;

@RestController
class IncidentController {

    static final int MAX_LIST_LIMIT = 1000;

    private final IncidentIntake intake;
    private final IncidentQueries queries;
    private final IncidentRouter router;
    private final IncidentWorkflow workflow;
    private final Labels labels;
    private final IncidentListFilters listFilters;
    private final IncidentFollowers followers;
    private final CurrentJurisdiction currentJurisdiction;

    IncidentController(IncidentIntake intake, IncidentQueries queries, IncidentRouter router,
                       IncidentWorkflow workflow, Labels labels, IncidentListFilters listFilters,
                       IncidentFollowers followers, CurrentJurisdiction currentJurisdiction) {
        this.currentJurisdiction = currentJurisdiction;
        this.listFilters = listFilters;
        this.followers = followers;
        this.intake = intake;
        this.queries = queries;
        this.router = router;
        this.workflow = workflow;
        this.labels = labels;
    }

    record ReportAccepted(long id, String trackingCode, String status, String statusName, Routing routing) {
    }

    /** Stores, routes and acknowledges a report; the 201 is sent only after the commit. */
    @PostMapping("/api/v1/incidents")
    ResponseEntity<ReportAccepted> report(@RequestBody IncidentIntake.Report report) {
        IncidentIntake.Reported reported = intake.report(report);

        Incident incident = reported.incident();
        String status = incident.status().code();
        ReportAccepted body = new ReportAccepted(incident.id(), incident.trackingCode(), status,
                labels.of("incident.status", status), reported.routing());
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incident.trackingCode())).body(body);
    }

    /**
     * @param trackingCode       the code that was looked up: the incident's own or a follower's
     * @param follower           true for a follower's code, which shows the followed incident but cannot rate it
     * @param canRate            true once the incident is closed and waits for the resident's rating
     * @param rejectionReasonName why the incident was not taken up, or null
     * @param originalStatusName for a duplicate, the state of the incident it was merged into, or null
     * @param rating             the latest rating, or null
     */
    record IncidentStatusView(String trackingCode, String status, String statusName, String categoryName,
                              String description, String urgency, Instant reportedAt, LonLat location,
                              Routing routing, boolean canRate, String rejectionReasonName,
                              String originalStatusName, IncidentQueries.RatingView rating,
                              int followerCount, boolean follower,
                              List<IncidentQueries.PublicHistoryEntry> history) {
    }

    /**
     * Shows the reporter or a follower the public part of an incident: its state, where it went
     * and its public history. A follower's code shows the incident it follows now, which is the
     * original once the followed incident was marked a duplicate.
     */
    @GetMapping("/api/v1/incidents/{trackingCode}")
    IncidentStatusView status(@PathVariable String trackingCode) {
        String code = TrackingCodes.normalise(trackingCode);
        Optional<IncidentQueries.PublicIncident> reported = Optional.ofNullable(code).flatMap(queries::byTrackingCode);
        Optional<IncidentQueries.PublicIncident> followed = reported.isPresent() || code == null
                ? Optional.empty()
                : followers.followedTrackingCode(code).flatMap(queries::byTrackingCode);
        IncidentQueries.PublicIncident incident = reported.or(() -> followed)
                .orElseThrow(() -> RejectedRequestException.notFound("incident.not-found", trackingCode));
        boolean follower = followed.isPresent();

        return new IncidentStatusView(follower ? code : incident.trackingCode(), incident.status(),
                labels.of("incident.status", incident.status()), incident.categoryName(), incident.description(),
                incident.urgency(), incident.reportedAt(), incident.route().location(),
                router.replay(incident.route()),
                !follower && IncidentStatus.CLOSED.code().equals(incident.status()),
                labels.of("workflow.rejection-reason", incident.rejectionReason()),
                labels.of("incident.status", incident.originalStatus()),
                queries.latestRating(incident.id()).orElse(null),
                followers.count(incident.id()), follower,
                queries.publicHistory(incident.id()));
    }

    record FollowAccepted(String followerCode, String status, String statusName) {
    }

    /**
     * Registers a follower of an open incident (no sign-in, optional {@code contact}) and returns
     * the follower's own tracking code, which GET /api/v1/incidents/{code} accepts. 404 for an
     * unknown code, 409 once the incident is no longer open.
     */
    @PostMapping("/api/v1/incidents/{trackingCode}/followers")
    ResponseEntity<FollowAccepted> follow(@PathVariable String trackingCode,
                                          @RequestBody(required = false) IncidentFollowers.FollowRequest request) {
        IncidentFollowers.Followed followed = followers.follow(trackingCode, request);

        FollowAccepted body = new FollowAccepted(followed.followerCode(), followed.status().code(),
                labels.of("incident.status", followed.status().code()));
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + followed.followerCode())).body(body);
    }

    record RatingAccepted(String status, String statusName) {
    }

    /**
     * Records the resident's rating (1 to 5, optional comment) of a closed incident. A low score
     * reopens it, and the response then has status 'reopened'. 409 unless the incident is closed.
     */
    @PostMapping("/api/v1/incidents/{trackingCode}/rating")
    RatingAccepted rate(@PathVariable String trackingCode, @RequestBody IncidentWorkflow.RatingRequest request) {
        IncidentStatus status = workflow.rate(trackingCode, request);
        return new RatingAccepted(status.code(), labels.of("incident.status", status.code()));
    }

    record IncidentList(List<IncidentQueries.ListItem> items, boolean truncated) {
    }

    /**
     * Lists the incidents inside the caller's jurisdiction for the map and the dispatcher
     * console, with reporters' contacts masked. Filters:
     * {@code owner} (the first receiver who accepted), {@code status} (comma list),
     * {@code category}, {@code handlerRoute}, {@code gridCode} (basic or dedicated grid) and
     * {@code unit} (a 12-digit city, county, township or village code). {@code sort=deadline}
     * puts the earliest running deadline, so overdue incidents, first; the default is newest first.
     */
    @GetMapping("/api/v1/incidents")
    IncidentList list(@RequestParam(required = false) String bbox,
                      @RequestParam(defaultValue = "true") boolean open,
                      @RequestParam(required = false) String owner,
                      @RequestParam(required = false) String status,
                      @RequestParam(required = false) String category,
                      @RequestParam(required = false) String handlerRoute,
                      @RequestParam(required = false) String gridCode,
                      @RequestParam(required = false) String unit,
                      @RequestParam(required = false) String sort,
                      @RequestParam(defaultValue = "500") int limit) {
        if (limit < 1 || limit > MAX_LIST_LIMIT) {
            throw RejectedRequestException.badRequest("incident.limit-invalid", MAX_LIST_LIMIT, limit);
        }
        Optional<BoundingBox> box = present(bbox).map(BoundingBox::parse);

        IncidentQueries.ListFilter filter = new IncidentQueries.ListFilter(box, open,
                present(gridCode).map(listFilters::gridId), present(owner), listFilters.statuses(status),
                present(category).map(listFilters::category), present(handlerRoute).map(listFilters::handlerRoute),
                present(unit).map(listFilters::villagePrefix), listFilters.order(sort));

        List<IncidentQueries.ListItem> items = queries.list(currentJurisdiction.get(), filter, limit + 1);
        boolean truncated = items.size() > limit;
        return new IncidentList(truncated ? items.subList(0, limit) : items, truncated);
    }

    private static Optional<String> present(String parameter) {
        return Optional.ofNullable(parameter).map(String::strip).filter(value -> !value.isEmpty());
    }
}
