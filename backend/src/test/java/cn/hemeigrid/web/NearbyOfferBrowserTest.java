package cn.hemeigrid.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;

/**
 * The duplicate offer on report.html at phone size: after the pin and the category are chosen,
 * open incidents of that category nearby are listed before the report is sent. Each test uses
 * its own place in 惠城区, about 1 km from the places other browser tests report at.
 */
@PostgisTest
class NearbyOfferBrowserTest {

    private static final int ZOOM = 16;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    HeadlessChromium browser;
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        api = new ApiClient(port);
        browser = HeadlessChromium.start(390, 844);
        driver = browser.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser(TestInfo test) {
        if (browser != null) {
            String name = test.getTestMethod().map(method -> method.getName()).orElse("unknown");
            browser.saveScreenshot(Path.of("target", "browser-tests", "NearbyOffer-" + name + ".png"));
            browser.close();
        }
    }

    @Test
    void openIncidentNearbyIsOfferedAndFollowed() {
        double lon = 114.4060;
        double lat = 23.1015;
        String description = "<b>菜市场</b>门口流动摊贩占道经营";
        long id = reportAt(lon, lat, "0501", description);
        openReportPage();

        new Select(driver.findElement(By.id("category"))).selectByValue("0501");
        dropPinAt(lon + 0.0004, lat);
        WebElement offered = wait.until(d -> offeredRow(d, id));

        assertThat(text("nearby-radius")).isEqualTo("250");
        assertThat(offered.findElement(By.cssSelector(".nearby-item__category")).getText()).isEqualTo("占道经营");
        assertThat(offered.findElement(By.cssSelector(".nearby-item__status")).getText()).isEqualTo("已上报");
        assertThat(offered.findElement(By.cssSelector(".nearby-item__description")).getText())
                .as("the description is shown as typed, not as markup").isEqualTo(description);
        assertThat(offered.findElements(By.tagName("b"))).isEmpty();
        assertThat(offered.findElement(By.cssSelector(".nearby-item__meta")).getText()).contains("相距约").contains("米");
        assertThat(driver.findElements(By.cssSelector("#report-map path.nearby-marker")))
                .as("offered incidents drawn on the map").isNotEmpty();
        assertThat(horizontalOverflow()).as("page wider than the phone screen").isFalse();

        offered.findElement(By.cssSelector("[data-follow]")).click();
        wait.until(d -> d.findElement(By.id("followed")).isDisplayed() || d.findElement(By.id("nearby-error")).isDisplayed());
        if (driver.findElement(By.id("nearby-error")).isDisplayed()) {
            fail("The page reported an error instead of following: " + text("nearby-error"));
        }
        String followerCode = text("followed-code");
        wait.until(d -> !d.findElements(By.id("track-status")).isEmpty());

        assertThat(driver.findElement(By.id("report-form")).isDisplayed()).isFalse();
        assertThat(text("followed-status")).isEqualTo("已上报");
        assertThat(text("track-status")).isEqualTo("已上报");
        assertThat(text("track-category")).isEqualTo("占道经营");
        assertThat(driver.findElement(By.id("track-code")).getDomProperty("value")).isEqualTo(followerCode);
        assertThat(api.get("/api/v1/incidents/" + followerCode).json().get("follower").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM incident_follower WHERE incident_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void reportGoesOnWhenNothingIsNearby() {
        double lon = 114.3960;
        double lat = 23.0915;
        closeOpenIncidentsNear(lon, lat, "0201");
        openReportPage();

        dropPinAt(lon, lat);
        new Select(driver.findElement(By.id("category"))).selectByValue("0201");
        wait.until(d -> d.findElement(By.id("nearby-status")).isDisplayed());

        assertThat(text("nearby-status")).contains("没有同类未办结事件");
        assertThat(driver.findElement(By.id("nearby-offer")).isDisplayed()).isFalse();
        assertThat(driver.findElements(By.cssSelector("#nearby-list li"))).isEmpty();

        driver.findElement(By.id("description")).sendKeys("小区消防通道被私家车堵塞。");
        driver.findElement(By.id("submit")).click();
        wait.until(d -> isShown(d, "tracking-code") || isShown(d, "error"));
        assertThat(isShown(driver, "error")).as("error box: %s", text("error")).isFalse();
        assertThat(text("result-status")).isEqualTo("已上报");
    }

    @Test
    void continueClosesOfferAndReports() {
        double lon = 114.4260;
        double lat = 23.1215;
        long id = reportAt(lon, lat, "0501", "桥下有人摆摊");
        openReportPage();

        dropPinAt(lon, lat);
        new Select(driver.findElement(By.id("category"))).selectByValue("0501");
        wait.until(d -> offeredRow(d, id));
        driver.findElement(By.id("nearby-continue")).click();

        assertThat(driver.findElement(By.id("nearby-offer")).isDisplayed()).isFalse();
        assertThat(text("nearby-status")).contains("继续填写");
        assertThat(driver.findElements(By.cssSelector("#report-map path.nearby-marker"))).isEmpty();
        driver.findElement(By.id("description")).sendKeys("桥下另有一处占道堆放杂物。");
        driver.findElement(By.id("submit")).click();
        wait.until(d -> isShown(d, "tracking-code") || isShown(d, "error"));
        assertThat(isShown(driver, "error")).as("error box: %s", text("error")).isFalse();
    }

    private void openReportPage() {
        driver.get("http://127.0.0.1:" + port + "/report.html");
        wait.until(d -> d.findElements(By.cssSelector("#category option")).size() > 1);
    }

    /** Centres the map on a point through the page's test hook, then taps the map's middle. */
    private void dropPinAt(double lon, double lat) {
        String before = text("pin-location");
        WebElement map = driver.findElement(By.id("report-map"));
        driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", map);
        driver.executeScript("window.hemeiReport.setView(arguments[0], arguments[1], arguments[2])", lon, lat, ZOOM);
        map.click();
        wait.until(d -> !text("pin-location").equals(before) && text("pin-location").contains("经度"));
    }

    private long reportAt(double lon, double lat, String category, String description) {
        String body = String.format(Locale.ROOT, """
                {"lon":%f,"lat":%f,"crs":"cgcs2000","category":"%s","description":%s,"channel":"app"}
                """, lon, lat, category, ApiClient.json(description));
        ApiClient.Response created = api.postJson("/api/v1/incidents", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** Closes incidents that earlier runs or the demonstration data left near a point, so none is offered there. */
    private void closeOpenIncidentsNear(double lon, double lat, String category) {
        jdbc.sql("""
                        UPDATE incident SET status = 'closed'
                         WHERE category_code = :category
                           AND ST_DWithin(location::geography, ST_SetSRID(ST_MakePoint(:lon, :lat), 4490)::geography, 500)
                        """)
                .param("category", category)
                .param("lon", lon)
                .param("lat", lat)
                .update();
    }

    private static WebElement offeredRow(WebDriver driver, long id) {
        List<WebElement> rows = driver.findElements(By.cssSelector("#nearby-list li[data-id='" + id + "']"));
        return rows.isEmpty() || !rows.get(0).isDisplayed() ? null : rows.get(0);
    }

    private boolean horizontalOverflow() {
        return (Boolean) driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    private static boolean isShown(WebDriver driver, String id) {
        WebElement element = driver.findElement(By.id(id));
        return element.isDisplayed() && !element.getText().isBlank();
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText().strip();
    }
}
