package cn.hemeigrid.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import tools.jackson.databind.JsonNode;

/** Grid imports run as background jobs over HTTP, on a test village of 10 × 10 cells. */
@PostgisTest
class ImportJobApiTest extends VillageApiTest {

    @Override
    TestVillage newVillage(JdbcClient jdbc) {
        return new TestVillage(jdbc, "91", 113.10, 21.10);
    }

    @Test
    void dryRunJobFinishesWithReport() throws Exception {
        ApiClient.Response submitted = submit("geojson", false, collection(feature(1, "")));

        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        JsonNode job = submitted.json();
        assertThat(job.get("state").asString()).isIn("queued", "running", "finished");
        assertThat(job.get("format").asString()).isEqualTo("geojson");
        JsonNode finished = awaitFinished(job.get("id").asString());
        assertThat(finished.get("phase").asString()).isEqualTo("done");
        assertThat(finished.get("featuresRead").asInt()).isEqualTo(1);
        assertThat(finished.get("featuresChecked").asInt()).isEqualTo(1);
        assertThat(finished.get("featuresTotal").asInt()).isEqualTo(1);
        assertThat(finished.at("/report/valid").asBoolean()).isTrue();
        assertThat(finished.at("/report/committed").asBoolean()).isFalse();
        assertThat(finished.get("problem").isNull()).isTrue();
    }

    @Test
    void commitJobStoresGrids() throws Exception {
        JsonNode job = submit("geojson", true, collection(feature(1, "") + "," + feature(2, ""))).json();

        JsonNode finished = awaitFinished(job.get("id").asString());

        assertThat(finished.get("phase").asString()).isEqualTo("done");
        assertThat(finished.at("/report/created")).extracting(JsonNode::asString)
                .containsExactly(village.gridCode(1), village.gridCode(2));
        assertThat(jdbc.sql("SELECT count(*) FROM grid WHERE village_code = ?").param(village.villageCode())
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void rejectedCommitJobFailsWith422() throws Exception {
        String overlapping = feature(1, "") + "," + feature(1, "");

        JsonNode finished = awaitFinished(submit("geojson", true, collection(overlapping)).json().get("id").asString());

        assertThat(finished.get("phase").asString()).isEqualTo("failed");
        assertThat(finished.at("/problem/status").asInt()).isEqualTo(422);
        assertThat(finished.at("/problem/detail").asString()).contains("未导入任何网格");
        assertThat(finished.at("/problem/features")).hasSize(2);
        assertThat(jdbc.sql("SELECT count(*) FROM grid WHERE village_code = ?").param(village.villageCode())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void unreadableFileJobFailsWith400() throws Exception {
        JsonNode finished = awaitFinished(submit("kml", false, "<kml><Placemark>").json().get("id").asString());

        assertThat(finished.get("phase").asString()).isEqualTo("failed");
        assertThat(finished.at("/problem/status").asInt()).isEqualTo(400);
        assertThat(finished.at("/problem/detail").asString()).contains("KML");
    }

    @Test
    void badParametersRejectedAtOnce() {
        ApiClient.Response badFormat = submit("dwg", false, "x");
        ApiClient.Response badCrs = api.send(HttpRequest.newBuilder(URI.create(url("/api/v1/planning/imports?crs=epsg:1")))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        ApiClient.Response unknown = api.get("/api/v1/planning/imports/" + UUID.randomUUID());
        ApiClient.Response malformed = api.get("/api/v1/planning/imports/not-a-job");

        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.json().get("detail").asString()).contains("未知的文件格式");
        assertThat(badCrs.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).contains("找不到导入任务");
        assertThat(malformed.status()).isEqualTo(404);
    }

    @Test
    void largeFileAcceptedOnlyAsJob() throws Exception {
        // Two megabytes of padding in one property, over the 1 MB limit of other requests.
        String padded = feature(1, ",\"note\":\"" + "x".repeat(2 * 1024 * 1024) + "\"");

        ApiClient.Response direct = api.send(HttpRequest.newBuilder(URI.create(url("/api/v1/planning/import")))
                .header("Content-Type", "application/geo+json")
                .POST(HttpRequest.BodyPublishers.ofString(collection(padded), StandardCharsets.UTF_8)));
        ApiClient.Response submitted = submit("geojson", false, collection(padded));

        assertThat(direct.status()).isEqualTo(413);
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        JsonNode finished = awaitFinished(submitted.json().get("id").asString());
        assertThat(finished.at("/report/valid").asBoolean()).isTrue();
    }

    private ApiClient.Response submit(String format, boolean commit, String body) {
        return api.send(HttpRequest.newBuilder(URI.create(url("/api/v1/planning/imports?format=" + format
                        + "&commit=" + commit)))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private JsonNode awaitFinished(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            ApiClient.Response polled = api.get("/api/v1/planning/imports/" + id);
            assertThat(polled.status()).as(polled.text()).isEqualTo(200);
            if (polled.json().get("state").asString().equals("finished")) {
                return polled.json();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Import job " + id + " did not finish within 30 seconds");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String collection(String features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}";
    }

    /** Returns a feature for a grid of serial 1 or 2, the west or east half of the village, with extra properties. */
    private String feature(int serial, String extraProperties) {
        String geometry = village.cellsGeoJson(serial == 1 ? 0 : 5, 0, 5, 10);
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"geometry\":%s,\"properties\":{\"code\":\"%s\"%s}}",
                geometry, village.gridCode(serial), extraProperties);
    }
}
