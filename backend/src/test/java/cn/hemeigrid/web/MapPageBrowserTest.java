package cn.hemeigrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import tools.jackson.databind.JsonNode;

/** The map page (index.html) in headless Chromium against the running application. */
@PostgisTest
class MapPageBrowserTest {

    @LocalServerPort
    int port;

    HeadlessChromium browser;
    ChromeDriver driver;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start(1280, 800).signIn(port);
        driver = browser.driver();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.saveScreenshot(Path.of("target", "browser-tests", "MapPage.png"));
            browser.close();
        }
    }

    @Test
    void mapDrawsCountiesWithoutErrors() {
        String origin = "http://127.0.0.1:" + port;

        driver.get(origin + "/index.html");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> allLayersSettled());

        List<WebElement> countyPaths = driver.findElements(By.cssSelector("svg path.boundary--county"));
        assertThat(countyPaths).as("county boundary paths drawn by Leaflet").isNotEmpty();
        assertThat(countyPaths.get(0).getAttribute("d")).as("SVG path data of a county boundary").isNotBlank();

        List<String> errors = browser.consoleEntries().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
        assertThat(errors).as("JavaScript errors and failed loads in the console").isEmpty();
        assertThat(driver.findElement(By.id("error")).isDisplayed()).as("page error box shown").isFalse();
        assertThat(driver.findElement(By.id("layer-error")).isDisplayed()).as("layer error box shown").isFalse();

        @SuppressWarnings("unchecked")
        List<String> outsideRequests = (List<String>) driver.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)"
                        + ".filter(name => !name.startsWith(arguments[0] + '/'))", origin);
        assertThat(outsideRequests).as("requests to other origins").isEmpty();
    }

    @ParameterizedTest(name = "zoom {0}")
    @ValueSource(ints = {16, 17})
    void labelsInDedicatedGridDoNotOverlap(int zoom) {
        JsonNode dedicated = firstDedicatedGrid();
        double[] centre = boxCentre(dedicated.get("geometry"));
        String name = dedicated.get("properties").get("name").asText();

        driver.get("http://127.0.0.1:" + port + "/index.html"
                + String.format(Locale.ROOT, "#map=%d/%.6f/%.6f", zoom, centre[1], centre[0]));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> allLayersSettled());
        driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                requestAnimationFrame(() => requestAnimationFrame(() => done()));
                """);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> labels = (List<Map<String, Object>>) driver.executeScript("""
                const frame = document.getElementById('map').getBoundingClientRect();
                return [...document.querySelectorAll('.area-label')]
                    .filter((label) => getComputedStyle(label).display !== 'none'
                        && getComputedStyle(label).visibility !== 'hidden')
                    .map((label) => ({ text: label.textContent, level: label.className.match(/area-label--(\\w+)/)[1],
                                       box: label.getBoundingClientRect().toJSON() }))
                    .filter(({ box }) => box.left < frame.right && frame.left < box.right
                        && box.top < frame.bottom && frame.top < box.bottom);
                """);

        assertThat(labels).extracting(label -> label.get("text")).as("labels shown").contains(name);
        assertThat(labels).extracting(label -> label.get("level")).as("levels of the labels shown")
                .contains("grid")
                .doesNotContain("village");
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                assertThat(overlap(labels.get(i), labels.get(j)))
                        .as("%s overlaps %s", labels.get(i), labels.get(j))
                        .isFalse();
            }
        }
    }

    /** Returns the first dedicated grid in central Huizhou as a GeoJSON feature. */
    private JsonNode firstDedicatedGrid() {
        JsonNode features = new ApiClient(port).get("/api/v1/layers/grids?bbox=114.30,23.00,114.50,23.20&zoom=14")
                .json().get("features");
        for (JsonNode feature : features) {
            if ("dedicated".equals(feature.get("properties").get("kind").asText())) {
                return feature;
            }
        }
        throw new AssertionError("No dedicated grid in central Huizhou in GET /api/v1/layers/grids");
    }

    /** Returns the centre [lon, lat] of a Polygon's or MultiPolygon's bounding box. */
    private static double[] boxCentre(JsonNode geometry) {
        double minLon = Double.MAX_VALUE;
        double minLat = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;
        List<JsonNode> pending = new ArrayList<>(List.of(geometry.get("coordinates")));
        while (!pending.isEmpty()) {
            JsonNode node = pending.remove(pending.size() - 1);
            if (node.get(0).isNumber()) {
                minLon = Math.min(minLon, node.get(0).asDouble());
                maxLon = Math.max(maxLon, node.get(0).asDouble());
                minLat = Math.min(minLat, node.get(1).asDouble());
                maxLat = Math.max(maxLat, node.get(1).asDouble());
            } else {
                node.forEach(pending::add);
            }
        }
        return new double[] {(minLon + maxLon) / 2, (minLat + maxLat) / 2};
    }

    private static boolean overlap(Map<String, Object> first, Map<String, Object> second) {
        Map<?, ?> a = (Map<?, ?>) first.get("box");
        Map<?, ?> b = (Map<?, ?>) second.get("box");
        return number(a, "left") < number(b, "right") && number(b, "left") < number(a, "right")
                && number(a, "top") < number(b, "bottom") && number(b, "top") < number(a, "bottom");
    }

    private static double number(Map<?, ?> box, String key) {
        return ((Number) box.get(key)).doubleValue();
    }

    /** Returns true once the page has started and none of its layers is still loading. */
    private boolean allLayersSettled() {
        Object settled = driver.executeScript(
                "return Boolean(window.hemeiMap) && window.hemeiMap.sources.every(s => s.state !== 'loading')");
        return Boolean.TRUE.equals(settled);
    }
}
