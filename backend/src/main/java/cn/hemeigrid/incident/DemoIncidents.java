package cn.hemeigrid.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hemeigrid.catalogue.MatterCatalogue;
import cn.hemeigrid.catalogue.MatterCategory;
import cn.hemeigrid.catalogue.Urgency;
import cn.hemeigrid.routing.IncidentRouter;
import cn.hemeigrid.routing.ReportedLocation;
import cn.hemeigrid.routing.Routing;

/**
 * Demonstration incidents for a freshly loaded database, so the map and the dispatcher page
 * have something to show. Each lies at a point inside a basic grid picked at an even stride
 * through the grid codes, is routed like a real report and is stored with source 'generated'.
 */
@Component
public class DemoIncidents {

    static final int COUNT = 150;

    private static final Logger log = LoggerFactory.getLogger(DemoIncidents.class);

    private final JdbcClient jdbc;
    private final MatterCatalogue catalogue;
    private final IncidentRouter router;
    private final Incidents incidents;
    private final Clock clock;

    DemoIncidents(JdbcClient jdbc, MatterCatalogue catalogue, IncidentRouter router, Incidents incidents, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.router = router;
        this.incidents = incidents;
        this.clock = clock;
    }

    private record SamplePoint(double lon, double lat) {
    }

    /** Adds the demonstration incidents unless the database already contains incidents. */
    @Transactional
    public void addIfNoIncidents() {
        if (incidents.count() > 0) {
            return;
        }
        List<SamplePoint> points = jdbc.sql("""
                        SELECT ST_X(p) AS lon, ST_Y(p) AS lat
                          FROM (SELECT ST_PointOnSurface(geom) AS p, row_number() OVER (ORDER BY code) AS n,
                                       count(*) OVER () AS total
                                  FROM grid WHERE kind = 'basic' AND status = 'active') g
                         WHERE (n - 1) % greatest(total / :count, 1) = 0
                         ORDER BY n
                         LIMIT :count
                        """)
                .param("count", COUNT)
                .query(SamplePoint.class)
                .list();
        List<MatterCategory> categories = catalogue.all();
        Instant now = clock.instant();

        for (int i = 0; i < points.size(); i++) {
            MatterCategory category = categories.get(i % categories.size());
            Urgency urgency = i % 7 == 0 ? Urgency.URGENT : Urgency.ORDINARY;
            Instant reportedAt = now.minus(Duration.ofMinutes(47L * i));
            ReportedLocation location = ReportedLocation.parse(points.get(i).lon(), points.get(i).lat(), "cgcs2000");
            Routing routing = router.route(location, Optional.of(category), urgency, reportedAt);
            String description = "【演示数据】" + category.name() + "：群众反映此处需要处理，请网格员核实。";
            Channel channel = Channel.values()[i % Channel.values().length];

            incidents.save(Incident.report(location, routing, description, urgency, channel, null, List.of(), reportedAt)
                    .markGenerated());
        }
        log.info("Added {} generated demonstration incidents", points.size());
    }
}
