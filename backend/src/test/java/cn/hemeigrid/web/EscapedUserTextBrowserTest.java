package cn.hemeigrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.TestAccounts;
import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.TestReports;

/**
 * Text a user typed that looks like markup (descriptions, staff names, notes) shows literally
 * on the resident tracking page, in the map popup and in the dispatcher's workflow panel, and
 * none of it runs. Each payload sets window.__xss when it runs.
 */
@PostgisTest
class EscapedUserTextBrowserTest {

    static final List<String> PAYLOADS = List.of(
            "<img src=x onerror=\"window.__xss=1\">",
            "<script>window.__xss=2</script>",
            "\"><svg onload=\"window.__xss=3\">",
            "<iframe srcdoc=\"<script>parent.__xss=4</script>\"></iframe>",
            "</p><a href=\"javascript:window.__xss=5\" id=\"xss-link\">点我</a>",
            "<details open ontoggle=\"window.__xss=6\">");

    // A street about 200 m from the other tests' reports in central 惠城区, in CGCS2000.
    static final double LON = 114.4182;
    static final double LAT = 23.1131;

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ApiClient api;
    HeadlessChromium browser;
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        api = new ApiClient(port);
        browser = HeadlessChromium.start(1280, 900);
        driver = browser.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser(TestInfo test) {
        if (browser != null) {
            String name = test.getTestMethod().map(method -> method.getName()).orElse("unknown");
            browser.saveScreenshot(Path.of("target", "browser-tests", "EscapedUserText-" + name + ".png"));
            browser.close();
        }
    }

    @Test
    void trackingPageShowsMarkupLiterally() {
        for (String payload : PAYLOADS) {
            String trackingCode = report(payload).trackingCode();

            driver.get(url("/report.html?track=" + trackingCode));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#track-result .description")));

            assertThat(textOf("#track-result .description")).isEqualTo(payload);
            assertNothingRan();
        }
    }

    @Test
    void trackingPageShowsRejectionNoteLiterally() {
        Reported reported = report("路边有人占道经营（退回说明测试）");
        String note = PAYLOADS.get(0) + PAYLOADS.get(1);
        step(reported.id(), Map.of("action", "reject", "actor", "王调度", "reason", "other", "note", note));

        driver.get(url("/report.html?track=" + reported.trackingCode()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#track-result .description")));

        assertThat(textOf("#track-result")).contains(note);
        assertNothingRan();
    }

    @Test
    void mapPopupShowsMarkupLiterally() {
        List<String> excerpts = new ArrayList<>();
        for (String payload : PAYLOADS) {
            report(payload);
            excerpts.add(payload.length() > 60 ? payload.substring(0, 60) : payload);
        }

        openStaffPage("/index.html#map=18/" + LAT + "/" + LON);
        wait.until(d -> allLayersSettled("hemeiMap"));
        @SuppressWarnings("unchecked")
        List<String> popups = (List<String>) driver.executeScript("""
                const texts = [];
                window.hemeiMap.map.eachLayer((layer) => {
                  if (layer instanceof L.Marker && layer.getPopup()) {
                    layer.openPopup();
                    const content = layer.getPopup().getElement()?.querySelector('.leaflet-popup-content');
                    texts.push(content ? content.textContent : '');
                    layer.closePopup();
                  }
                });
                return texts;""");

        String allPopups = String.join("\n", popups);
        for (String excerpt : excerpts) {
            assertThat(allPopups).contains(excerpt);
        }
        assertNothingRan();
    }

    @Test
    void workflowPanelShowsStaffTextLiterally() {
        Reported reported = report(PAYLOADS.get(2));
        String actor = "<b onmouseover=\"window.__xss=7\">王</b>";
        ApiClient staff = TestAccounts.signedIn(jdbc, port, actor, "dispatcher_county");
        ApiClient.Response accepted = staff.postJson("/api/v1/incidents/" + reported.id() + "/transitions",
                ApiClient.json(Map.of("action", "accept", "note", PAYLOADS.get(0))));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);

        openStaffPage("/dispatch.html");
        wait.until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "return Boolean(window.hemeiDispatch && window.hemeiDispatch.board.workflowPanel)")));
        driver.executeScript("window.hemeiDispatch.board.workflowPanel.show(arguments[0])",
                String.valueOf(reported.id()));
        wait.until(d -> textOf("#workflow-history").contains(actor));

        String history = textOf("#workflow-history");
        assertThat(history).contains(actor);
        assertThat(history).contains(PAYLOADS.get(0));
        assertThat(textOf("#workflow-facts")).contains(actor);
        assertNothingRan();
    }

    /** Signs in as the test administrator and opens a staff page. */
    private void openStaffPage(String path) {
        browser.signIn(port);
        driver.get(url(path));
    }

    /** Returns the textContent of the first element matching the selector: literal text, whatever its layout. */
    private String textOf(String selector) {
        Object text = driver.executeScript(
                "return document.querySelector(arguments[0])?.textContent ?? ''", selector);
        return String.valueOf(text);
    }

    private void assertNothingRan() {
        assertThat(driver.executeScript("return window.__xss === undefined ? null : window.__xss")).isNull();
        assertThat(driver.findElements(By.cssSelector(
                "img[src='x'], #xss-link, iframe[srcdoc], details[ontoggle], svg[onload], [onerror], [onmouseover]")))
                .isEmpty();
    }

    private record Reported(long id, String trackingCode) {
    }

    private Reported report(String description) {
        Map<String, Object> report = TestReports.report(description);
        report.put("lon", LON);
        report.put("lat", LAT);
        ApiClient.Response created = api.postJson("/api/v1/incidents", ApiClient.json(report));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return new Reported(created.json().get("id").asLong(), created.json().get("trackingCode").asString());
    }

    private void step(long id, Map<String, Object> body) {
        ApiClient.Response response = api.postJson("/api/v1/incidents/" + id + "/transitions", ApiClient.json(body));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    private boolean allLayersSettled(String page) {
        Object settled = driver.executeScript("return Boolean(window." + page + ") && window." + page
                + ".sources.every(s => s.state !== 'loading')");
        return Boolean.TRUE.equals(settled);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
