package cn.hemeigrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.hemeigrid.PostgisTest;

/** The map page (index.html) in headless Chromium against the running application. */
@PostgisTest
class MapPageBrowserTest {

    @LocalServerPort
    int port;

    HeadlessChromium browser;
    ChromeDriver driver;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start(1280, 800);
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

    /** Returns true once the page has started and none of its layers is still loading. */
    private boolean allLayersSettled() {
        Object settled = driver.executeScript(
                "return Boolean(window.hemeiMap) && window.hemeiMap.sources.every(s => s.state !== 'loading')");
        return Boolean.TRUE.equals(settled);
    }
}
