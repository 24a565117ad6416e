package cn.hemeigrid.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hemeigrid.catalogue.MatterCatalogue;
import cn.hemeigrid.catalogue.MatterCategory;
import cn.hemeigrid.catalogue.Urgency;
import cn.hemeigrid.routing.IncidentRouter;
import cn.hemeigrid.routing.ReportedLocation;
import cn.hemeigrid.routing.Routing;
import cn.hemeigrid.system.RejectedRequestException;
import cn.hemeigrid.system.UserText;

/** Validates a report, routes it and stores it; the transaction commits before the caller sends its response. */
@Service
public class IncidentIntake {

    static final int MAX_DESCRIPTION_LENGTH = 2000;
    static final int MAX_CONTACT_LENGTH = 64;

    private static final Logger log = LoggerFactory.getLogger(IncidentIntake.class);

    private final MatterCatalogue catalogue;
    private final IncidentRouter router;
    private final Incidents incidents;
    private final Clock clock;

    IncidentIntake(MatterCatalogue catalogue, IncidentRouter router, Incidents incidents, Clock clock) {
        this.catalogue = catalogue;
        this.router = router;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** A report as sent; {@code photos} are references to photos stored elsewhere and may be null. */
    public record Report(Double lon, Double lat, String crs, String category, String description, String urgency,
                         String channel, String contact, List<String> photos) {
    }

    public record Reported(Incident incident, Routing routing) {
    }

    @Transactional
    public Reported report(Report report) {
        ReportedLocation location = ReportedLocation.parse(report.lon(), report.lat(), report.crs());
        MatterCategory category = category(report.category());
        String description = description(report.description());
        Urgency urgency = Urgency.parse(report.urgency());
        Channel channel = report.channel() == null || report.channel().isBlank()
                ? Channel.APP
                : Channel.fromCode(report.channel().trim())
                        .orElseThrow(() -> RejectedRequestException.badRequest("channel.unknown", report.channel()));
        String contact = contact(report.contact());
        List<String> photos = IncidentWorkflow.photos(report.photos());
        Instant now = clock.instant();

        Routing routing = router.route(location, Optional.of(category), urgency, now);
        Incident incident = incidents.saveAndFlush(
                Incident.report(location, routing, description, urgency, channel, contact, photos, now));

        log.info("Incident {} reported in category {}, routed to grid {}", incident.id(), category.code(),
                routing.assignedGridCode());
        return new Reported(incident, routing);
    }

    private MatterCategory category(String code) {
        if (code == null || code.isBlank()) {
            throw RejectedRequestException.badRequest("category.missing");
        }
        return catalogue.find(code.trim())
                .orElseThrow(() -> RejectedRequestException.badRequest("category.unknown", code));
    }

    private static String description(String text) {
        if (text == null || !UserText.hasVisibleCharacter(text)) {
            throw RejectedRequestException.badRequest("description.missing");
        }
        if (UserText.hasForbiddenCharacters(text)) {
            throw RejectedRequestException.badRequest("text.forbidden-characters", "description");
        }
        String trimmed = text.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > MAX_DESCRIPTION_LENGTH) {
            throw RejectedRequestException.badRequest("description.too-long", length, MAX_DESCRIPTION_LENGTH);
        }
        return trimmed;
    }

    static String contact(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (UserText.hasForbiddenCharacters(text)) {
            throw RejectedRequestException.badRequest("text.forbidden-characters", "contact");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_CONTACT_LENGTH) {
            throw RejectedRequestException.badRequest("contact.too-long", MAX_CONTACT_LENGTH);
        }
        return trimmed;
    }
}
