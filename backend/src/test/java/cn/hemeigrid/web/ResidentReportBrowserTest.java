package cn.hemeigrid.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.hemeigrid.PostgisTest;

/**
 * A resident reports a problem on report.html at phone size, in headless Chromium against
 * the running application, and then looks up its progress with the tracking code.
 */
@PostgisTest
class ResidentReportBrowserTest {

    // A street in central Huizhou, inside 惠城区 (county code 441302), in CGCS2000.
    private static final double LON = 114.4160;
    private static final double LAT = 23.1115;
    private static final int ZOOM = 16;

    // Open sea south of 惠东县, outside Huizhou's jurisdiction.
    private static final double SEA_LON = 114.9000;
    private static final double SEA_LAT = 22.5000;

    // 占道经营 (street vending) from the starter catalogue, handled by city management.
    private static final String CATEGORY = "0501";

    @LocalServerPort
    int port;

    HeadlessChromium browser;
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start(390, 844);
        driver = browser.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser(TestInfo test) {
        if (browser != null) {
            String name = test.getTestMethod().map(method -> method.getName()).orElse("unknown");
            browser.saveScreenshot(Path.of("target", "browser-tests", "ResidentReport-" + name + ".png"));
            browser.close();
        }
    }

    @Test
    void reportIsRoutedToHuichengGridAndTrackable() {
        driver.get("http://127.0.0.1:" + port + "/report.html");
        wait.until(d -> d.findElements(By.cssSelector("#category option")).size() > 1);

        dropPinAt(LON, LAT);
        Map<?, ?> pin = (Map<?, ?>) driver.executeScript("return window.hemeiReport.pin()");
        assertThat(pin.get("crs")).isEqualTo("cgcs2000");
        assertThat(((Number) pin.get("lon")).doubleValue()).isCloseTo(LON, within(0.0005));
        assertThat(((Number) pin.get("lat")).doubleValue()).isCloseTo(LAT, within(0.0005));

        new Select(driver.findElement(By.id("category"))).selectByValue(CATEGORY);
        driver.findElement(By.id("description")).sendKeys("人行道上有流动摊贩占道经营，行人只能走机动车道。");
        driver.findElement(By.id("submit")).click();
        String trackingCode = awaitTrackingCode();

        assertThat(trackingCode).isNotBlank();
        assertThat(text("routed-grid-code")).startsWith("441302");
        assertThat(text("routed-department")).isNotBlank().isNotEqualTo("—");
        assertThat(text("result-status")).isNotBlank();

        driver.findElement(By.id("copy-tracking-code")).click();
        wait.until(d -> !text("copy-status").isEmpty());
        assertThat(text("copy-status")).as("copy message, either copied or selected").contains("跟踪码");

        WebElement trackInput = driver.findElement(By.id("track-code"));
        trackInput.clear();
        trackInput.sendKeys(trackingCode);
        driver.findElement(By.id("track-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("track-status")));

        assertThat(text("track-status")).isEqualTo(text("result-status"));
        assertThat(text("track-grid-code")).isEqualTo(text("routed-grid-code"));
        assertThat(driver.findElement(By.id("track-error")).isDisplayed()).isFalse();
        assertThat(driver.getPageSource()).as("page with result and progress: the API and README say 跟踪码")
                .contains("跟踪码")
                .doesNotContain("追踪码");
    }

    @Test
    void englishBrowserStillSeesChinese() {
        restartBrowser(HeadlessChromium.start(390, 844, "en-US,en"));
        driver.get("http://127.0.0.1:" + port + "/report.html");
        wait.until(d -> d.findElements(By.cssSelector("#category option")).size() > 1);
        assertThat(bareFetchDetail(SEA_LON, SEA_LAT))
                .as("detail for a fetch without the page's header, showing that the browser asks for English")
                .contains("outside the jurisdiction");

        dropPinAt(SEA_LON, SEA_LAT);
        wait.until(ExpectedConditions.attributeContains(By.id("pin-grid"), "class", "pin-grid--error"));
        assertThat(text("pin-grid")).as("grid preview of a pin in the sea").contains("不在惠州市辖区内");

        new Select(driver.findElement(By.id("category"))).selectByValue(CATEGORY);
        driver.findElement(By.id("description")).sendKeys("海面上有大片漂浮垃圾。");
        driver.findElement(By.id("submit")).click();
        wait.until(d -> isShown(d, "error"));
        assertThat(text("error")).as("error after submitting a pin in the sea").contains("不在惠州市辖区内");

        dropPinAt(LON, LAT);
        driver.findElement(By.id("submit")).click();
        awaitTrackingCode();
        assertThat(text("result-status")).isEqualTo("已上报");
        assertThat(text("routed-team")).as("team with role names").contains("网格长").doesNotContain("Grid leader");
    }

    @Test
    void categoriesShowHandlingLimit() {
        driver.get("http://127.0.0.1:" + port + "/report.html");
        wait.until(d -> d.findElements(By.cssSelector("#category option")).size() > 1);

        assertThat(optionText("0501")).isEqualTo("占道经营（限时 2 个工作日）");
        assertThat(optionText("0201")).isEqualTo("消防通道堵塞（限时 24 小时）");
    }

    private String optionText(String categoryCode) {
        return driver.findElement(By.cssSelector("#category option[value='" + categoryCode + "']")).getText().strip();
    }

    /**
     * Centres the map on a point through the page's test hook, then taps the map's middle.
     * The map is scrolled into view first because Selenium clicks the middle of the visible
     * part of an element, which on a phone may be the attribution at the map's bottom edge.
     */
    private void dropPinAt(double lon, double lat) {
        String before = text("pin-location");
        WebElement map = driver.findElement(By.id("report-map"));
        driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", map);
        driver.executeScript("window.hemeiReport.setView(arguments[0], arguments[1], arguments[2])", lon, lat, ZOOM);
        map.click();
        wait.until(d -> !text("pin-location").equals(before) && text("pin-location").contains("经度"));
    }

    /** Returns the problem detail of GET /api/v1/route sent by a fetch with only the browser's own headers. */
    private String bareFetchDetail(double lon, double lat) {
        return (String) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(`/api/v1/route?lon=${arguments[0]}&lat=${arguments[1]}`)
                    .then((response) => response.json())
                    .then((problem) => done(problem.detail), (error) => done(String(error)));
                """, lon, lat);
    }

    private void restartBrowser(HeadlessChromium replacement) {
        browser.close();
        browser = replacement;
        driver = browser.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Waits for the tracking code, or fails with the error the page shows. */
    private String awaitTrackingCode() {
        wait.until(d -> isShown(d, "tracking-code") || isShown(d, "error"));
        if (isShown(driver, "error")) {
            fail("The page reported an error instead of a tracking code: " + text("error"));
        }
        return text("tracking-code");
    }

    private static boolean isShown(WebDriver driver, String id) {
        WebElement element = driver.findElement(By.id(id));
        return element.isDisplayed() && !element.getText().isBlank();
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText().strip();
    }
}
