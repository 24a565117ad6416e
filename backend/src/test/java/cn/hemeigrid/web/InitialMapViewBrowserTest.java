package cn.hemeigrid.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import tools.jackson.databind.JsonNode;

/** The view each page opens on, at phone and desktop size, in headless Chromium. */
@PostgisTest
class InitialMapViewBrowserTest {

    @LocalServerPort
    int port;

    HeadlessChromium browser;
    ChromeDriver driver;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.saveScreenshot(Path.of("target", "browser-tests", "InitialMapView.png"));
            browser.close();
        }
    }

    @ParameterizedTest(name = "{0} at {2}x{3}")
    @CsvSource({
            "index.html, hemeiMap, 390, 844",
            "index.html, hemeiMap, 1280, 800",
            "report.html, hemeiReport, 390, 844",
            "report.html, hemeiReport, 1280, 800",
            "dispatch.html, hemeiDispatch, 390, 844",
            "dispatch.html, hemeiDispatch, 1280, 800",
    })
    void pageOpensOnWholeCity(String page, String hook, int width, int height) {
        List<Double> city = cityBounds();
        open(page, hook, width, height);
        assertThat(driver.executeScript("return window.innerWidth")).as("window width").isEqualTo((long) width);

        Map<?, ?> view = (Map<?, ?>) driver.executeScript("""
                const map = window[arguments[0]].map;
                const [minLon, minLat, maxLon, maxLat] = arguments[1];
                const city = L.latLngBounds([minLat, minLon], [maxLat, maxLon]);
                return { zoom: map.getZoom(), containsCity: map.getBounds().contains(city),
                         fittingZoom: map.getBoundsZoom(city) };
                """, hook, city);
        assertThat(view.get("containsCity")).as("view %s contains the city's extent %s", view, city).isEqualTo(true);
        assertThat(view.get("zoom")).as("zoom, the largest at which the city fits").isEqualTo(view.get("fittingZoom"));
    }

    @Test
    void savedViewInAddressWins() {
        open("index.html#map=15/23.11150/114.41600", "hemeiMap", 1280, 800);

        Map<?, ?> view = (Map<?, ?>) driver.executeScript("""
                const map = window.hemeiMap.map;
                return { zoom: map.getZoom(), lat: map.getCenter().lat, lon: map.getCenter().lng };
                """);
        assertThat(view.get("zoom")).isEqualTo(15L);
        assertThat(((Number) view.get("lat")).doubleValue()).isCloseTo(23.1115, within(0.0001));
        assertThat(((Number) view.get("lon")).doubleValue()).isCloseTo(114.416, within(0.0001));
    }

    /** Returns the city's extent from GET /api/v1/map/config as [minLon, minLat, maxLon, maxLat]. */
    private List<Double> cityBounds() {
        JsonNode bounds = new ApiClient(port).get("/api/v1/map/config").json().get("bounds");
        return List.of(bounds.get(0).asDouble(), bounds.get(1).asDouble(), bounds.get(2).asDouble(),
                bounds.get(3).asDouble());
    }

    /** Starts a browser of the given size, opens a page and waits until its test hook has a map. */
    private void open(String page, String hook, int width, int height) {
        browser = HeadlessChromium.start(width, height).signIn(port);
        driver = browser.driver();
        driver.get("http://127.0.0.1:" + port + "/" + page);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(
                driver.executeScript("return Boolean(window[arguments[0]]?.map)", hook)));
    }
}
