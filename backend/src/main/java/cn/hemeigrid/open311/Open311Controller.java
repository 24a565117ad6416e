package cn.hemeigrid.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.hemeigrid.catalogue.MatterCatalogue;
import cn.hemeigrid.catalogue.MatterCategory;
import cn.hemeigrid.catalogue.Urgency;
import cn.hemeigrid.incident.IncidentIntake;
import cn.hemeigrid.system.Labels;
import cn.hemeigrid.system.RejectedRequestException;

/**
 * Open311 GeoReport v2. Every resource takes a format extension, {@code .json} or {@code .xml};
 * errors come back in the same format as a list of {@code code} and {@code description}
 * (see {@link Open311ErrorAdvice}). Reading needs no key; posting needs one of the keys in
 * {@code hemei.open311.api-keys}.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** Date of the last change to this API's behaviour, for the discovery document. */
    static final String CHANGESET = "2026-12-04T00:00:00+08:00";
    static final Duration MAX_SEARCH_SPAN = Duration.ofDays(90);

    private static final Logger log = LoggerFactory.getLogger(Open311Controller.class);

    private final MatterCatalogue catalogue;
    private final IncidentIntake intake;
    private final ServiceRequests requests;
    private final Open311Properties properties;
    private final Labels labels;
    private final MessageSource messages;
    private final Clock clock;

    Open311Controller(MatterCatalogue catalogue, IncidentIntake intake, ServiceRequests requests,
                      Open311Properties properties, Labels labels, MessageSource messages, Clock clock) {
        this.catalogue = catalogue;
        this.intake = intake;
        this.requests = requests;
        this.properties = properties;
        this.labels = labels;
        this.messages = messages;
        this.clock = clock;
    }

    record Endpoint(String specification, String url, String changeset, String type, List<String> formats) {
    }

    record Discovery(String changeset, String contact, String keyService, List<Endpoint> endpoints) {
    }

    @GetMapping("/discovery.{format}")
    ResponseEntity<String> discovery(@PathVariable String format) {
        Open311Format output = format(format);
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/open311/v2").toUriString();
        Endpoint endpoint = new Endpoint(SPECIFICATION, url, CHANGESET, "production",
                List.of(Open311Format.XML.mediaType().getType() + "/" + Open311Format.XML.mediaType().getSubtype(),
                        Open311Format.JSON.mediaType().getType() + "/" + Open311Format.JSON.mediaType().getSubtype()));
        Discovery discovery = new Discovery(CHANGESET, properties.contact(), properties.keyService(), List.of(endpoint));
        return ok(output, output.writeObject(discovery, "discovery"));
    }

    record Service(String serviceCode, String serviceName, String description, boolean metadata, String type,
                   String keywords, String group) {
    }

    /** Lists the matter catalogue as services; each has the urgency attribute, so metadata is true. */
    @GetMapping("/services.{format}")
    ResponseEntity<String> services(@PathVariable String format) {
        Open311Format output = format(format);
        List<Service> services = catalogue.all().stream()
                .map(category -> new Service(category.code(), category.name(),
                        category.groupName() + " / " + category.department().name(), true, "realtime",
                        category.groupName(), category.groupName()))
                .toList();
        return ok(output, output.writeList(services, "services", "service"));
    }

    record AttributeValue(String key, String name) {
    }

    record Attribute(boolean variable, String code, String datatype, boolean required, String datatypeDescription,
                     int order, String description, List<AttributeValue> values) {
    }

    record ServiceDefinition(String serviceCode, List<Attribute> attributes) {
    }

    @GetMapping("/services/{serviceCode}.{format}")
    ResponseEntity<String> serviceDefinition(@PathVariable String serviceCode, @PathVariable String format) {
        Open311Format output = format(format);
        MatterCategory category = catalogue.find(serviceCode)
                .orElseThrow(() -> RejectedRequestException.notFound("open311.service-not-found", serviceCode));

        List<AttributeValue> urgencies = Arrays.stream(Urgency.values())
                .map(urgency -> new AttributeValue(urgency.code(), labels.of("urgency", urgency.code())))
                .toList();
        Attribute urgency = new Attribute(true, "urgency", "singlevaluelist", false, null, 1,
                message("open311.attribute.urgency"), urgencies);
        return ok(output, output.writeObject(new ServiceDefinition(category.code(), List.of(urgency)),
                "service_definition"));
    }

    /** @param token the tracking code, which lets the reporter follow and rate the incident */
    record PostedRequest(String serviceRequestId, String token, String serviceNotice, String accountId) {
    }

    /**
     * Stores a service request as an incident reported through the 'open311' channel. Takes the
     * form fields of the specification; lat and long are required, because address strings are
     * not geocoded. {@code attribute[urgency]} sets the urgency, {@code media_url} is kept as
     * the report's photo, and phone (or else email) becomes the reporter's contact.
     */
    @PostMapping("/requests.{format}")
    ResponseEntity<String> postRequest(@PathVariable String format, @RequestParam MultiValueMap<String, String> form) {
        Open311Format output = format(format);
        checkApiKey(form.getFirst("api_key"));
        String serviceCode = required(form, "service_code");
        Double lat = coordinate(form, "lat");
        Double lon = coordinate(form, "long");
        if ((lat == null || lon == null) && form.getFirst("address_string") != null) {
            throw RejectedRequestException.badRequest("open311.address-not-supported");
        }
        if (lat == null || lon == null) {
            throw RejectedRequestException.badRequest("open311.field-missing", lat == null ? "lat" : "long");
        }
        if (catalogue.find(serviceCode).isEmpty()) {
            throw RejectedRequestException.badRequest("open311.service-not-found", serviceCode);
        }
        String contact = form.getFirst("phone") != null && !form.getFirst("phone").isBlank()
                ? form.getFirst("phone")
                : form.getFirst("email");
        String mediaUrl = form.getFirst("media_url");
        List<String> photos = mediaUrl == null || mediaUrl.isBlank() ? List.of() : List.of(mediaUrl.strip());

        IncidentIntake.Reported reported = intake.report(new IncidentIntake.Report(lon, lat, "wgs84", serviceCode,
                form.getFirst("description"), form.getFirst("attribute[urgency]"), "open311", contact, photos));

        String trackingCode = reported.incident().trackingCode();
        log.info("Open311 request {} posted in service {}", reported.incident().id(), serviceCode);
        PostedRequest posted = new PostedRequest(String.valueOf(reported.incident().id()), trackingCode,
                message("open311.service-notice", trackingCode), null);
        return ok(output, output.writeList(List.of(posted), "service_requests", "request"));
    }

    /**
     * Lists requests, newest first, at most 1000. {@code service_request_id} (comma-separated)
     * overrides every other filter. Without dates, the last 90 days are searched; a range may
     * span at most 90 days.
     */
    @GetMapping("/requests.{format}")
    ResponseEntity<String> getRequests(@PathVariable String format,
                                       @RequestParam(name = "service_request_id", required = false) String ids,
                                       @RequestParam(name = "service_code", required = false) String serviceCodes,
                                       @RequestParam(name = "start_date", required = false) String startDate,
                                       @RequestParam(name = "end_date", required = false) String endDate,
                                       @RequestParam(required = false) String status) {
        Open311Format output = format(format);
        Instant end = endDate == null ? clock.instant() : dateTime("end_date", endDate);
        Instant start = startDate == null ? end.minus(MAX_SEARCH_SPAN) : dateTime("start_date", startDate);
        if (start.isAfter(end) || Duration.between(start, end).compareTo(MAX_SEARCH_SPAN) > 0) {
            throw RejectedRequestException.badRequest("open311.date-range-invalid", startDate, endDate);
        }

        ServiceRequests.Filter filter = new ServiceRequests.Filter(requestIds(ids), commaList(serviceCodes), start, end,
                openFilter(status));
        return ok(output, output.writeList(requests.find(filter), "service_requests", "request"));
    }

    @GetMapping("/requests/{id}.{format}")
    ResponseEntity<String> getRequest(@PathVariable String id, @PathVariable String format) {
        Open311Format output = format(format);
        ServiceRequests.ServiceRequest request = parseId(id).flatMap(requests::byId)
                .orElseThrow(() -> RejectedRequestException.notFound("open311.request-not-found", id));
        return ok(output, output.writeList(List.of(request), "service_requests", "request"));
    }

    record TokenResult(String serviceRequestId, String token) {
    }

    @GetMapping("/tokens/{token}.{format}")
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format) {
        Open311Format output = format(format);
        long id = requests.idOfToken(token)
                .orElseThrow(() -> RejectedRequestException.notFound("open311.token-not-found", token));
        return ok(output, output.writeList(List.of(new TokenResult(String.valueOf(id), token)), "service_requests",
                "request"));
    }

    private void checkApiKey(String apiKey) {
        if (properties.apiKeys().isEmpty()) {
            throw new RejectedRequestException(HttpStatus.FORBIDDEN, "open311.posting-closed");
        }
        byte[] sent = (apiKey == null ? "" : apiKey).getBytes(StandardCharsets.UTF_8);
        boolean known = properties.apiKeys().stream()
                .anyMatch(key -> MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), sent));
        if (!known) {
            throw new RejectedRequestException(HttpStatus.FORBIDDEN, "open311.api-key-invalid");
        }
    }

    private static Open311Format format(String extension) {
        return Open311Format.fromExtension(extension)
                .orElseThrow(() -> RejectedRequestException.badRequest("open311.format-unknown", extension));
    }

    private static String required(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        if (value == null || value.isBlank()) {
            throw RejectedRequestException.badRequest("open311.field-missing", field);
        }
        return value.strip();
    }

    private static Double coordinate(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            throw RejectedRequestException.badRequest("open311.number-invalid", field, value);
        }
    }

    private static Instant dateTime(String field, String value) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException invalid) {
            throw RejectedRequestException.badRequest("open311.date-invalid", field, value);
        }
    }

    private static List<Long> requestIds(String ids) {
        List<Long> parsed = new ArrayList<>();
        for (String id : commaList(ids)) {
            parsed.add(parseId(id).orElseThrow(() ->
                    RejectedRequestException.badRequest("open311.number-invalid", "service_request_id", id)));
        }
        return parsed;
    }

    private static java.util.Optional<Long> parseId(String id) {
        return id.matches("[0-9]{1,18}") ? java.util.Optional.of(Long.valueOf(id)) : java.util.Optional.empty();
    }

    private static Boolean openFilter(String status) {
        List<String> states = commaList(status);
        boolean open = states.contains("open");
        boolean closed = states.contains("closed");
        for (String state : states) {
            if (!state.equals("open") && !state.equals("closed")) {
                throw RejectedRequestException.badRequest("open311.status-unknown", state);
            }
        }
        return open == closed ? null : open;
    }

    private static List<String> commaList(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    private static ResponseEntity<String> ok(Open311Format format, String body) {
        return ResponseEntity.ok().contentType(format.mediaType()).body(body);
    }
}
