package cn.hemeigrid.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.hemeigrid.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * Resident reports sent to a server through the two calls open to residents, POST
 * /api/v1/incidents and GET /api/v1/incidents/{trackingCode}, and the check that an
 * acknowledged report is stored as it was acknowledged.
 */
final class Reports {

    /** Points in Huicheng district, Huizhou, each inside a generated grid. */
    private static final double LON = 114.4160;
    private static final double LAT = 23.1115;

    /** Marks the descriptions of one test run, so its incidents can be found in the database. */
    private final String marker = "持久性测试 " + UUID.randomUUID();
    private int sent;

    String marker() {
        return marker;
    }

    /** A report whose 201 arrived: the tracking code and the routing as the server acknowledged them. */
    record Acknowledged(String trackingCode, String description, JsonNode routing) {
    }

    /**
     * Sends the next report. Returns the acknowledgement for a 201, or empty when the
     * connection failed, which happens when the server dies before it responds. Any other
     * status fails the test.
     */
    Optional<Acknowledged> send(ApiClient api) {
        return send(api, false);
    }

    /**
     * Sends the next report while the database may be down. Returns the acknowledgement for a
     * 201, or empty when the connection failed or the server responded 503 with Retry-After, as
     * it must while it cannot reach the database. Any other status fails the test.
     */
    Optional<Acknowledged> sendDuringOutage(ApiClient api) {
        return send(api, true);
    }

    private Optional<Acknowledged> send(ApiClient api, boolean outage) {
        String description;
        int number;
        synchronized (this) {
            number = ++sent;
            description = marker + " #" + number;
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("lon", LON + (number % 20) * 0.001);
        report.put("lat", LAT + (number % 7) * 0.001);
        report.put("category", "0501");
        report.put("description", description);
        report.put("urgency", number % 2 == 0 ? "urgent" : "ordinary");

        ApiClient.Response response;
        try {
            response = api.postJson("/api/v1/incidents", ApiClient.json(report));
        } catch (UncheckedIOException connectionLost) {
            return Optional.empty();
        }

        if (outage && response.status() == 503) {
            assertThat(response.contentType()).as(response.text()).startsWith("application/problem+json");
            return Optional.empty();
        }
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode body = response.json();
        return Optional.of(new Acknowledged(body.get("trackingCode").asString(), description, body.get("routing")));
    }

    synchronized int sent() {
        return sent;
    }

    /**
     * Checks that each acknowledged report is stored with the same tracking code, description
     * and routing, still reported, with the report as its only history entry.
     */
    static void assertStored(ApiClient api, List<Acknowledged> acknowledged) {
        for (Acknowledged report : acknowledged) {
            ApiClient.Response found = api.get("/api/v1/incidents/" + report.trackingCode());

            assertThat(found.status()).as("incident %s: %s", report.trackingCode(), found.text()).isEqualTo(200);
            JsonNode incident = found.json();
            assertThat(incident.get("trackingCode").asString()).isEqualTo(report.trackingCode());
            assertThat(incident.get("description").asString()).isEqualTo(report.description());
            assertThat(incident.get("status").asString()).isEqualTo("reported");
            assertThat(incident.get("routing")).as("routing of %s", report.trackingCode()).isEqualTo(report.routing());
            JsonNode history = incident.get("history");
            assertThat(history).as("history of %s", report.trackingCode()).hasSize(1);
            assertThat(history.get(0).get("status").asString()).isEqualTo("reported");
        }
    }
}
