package cn.hemeigrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.planning.TestVillage;

/** The planning page (planning.html) in headless Chromium on a test village with one grid. */
@PostgisTest
class PlanningPageBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestVillage village;
    HeadlessChromium browser;
    ChromeDriver driver;

    @BeforeEach
    void start() {
        village = new TestVillage(jdbc, "95", 113.70, 21.70);
        village.delete();
        village.insert();
        village.insertGrid(1, village.cells(0, 0, 10, 10));
        browser = HeadlessChromium.start(1280, 800).signIn(port);
        driver = browser.driver();
    }

    @AfterEach
    void stop(TestInfo test) {
        if (browser != null) {
            String method = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("unknown");
            browser.saveScreenshot(Path.of("target", "browser-tests", "PlanningPage-" + method + ".png"));
            browser.close();
        }
        village.delete();
    }

    @Test
    void splitDrawnOnMapCreatesTwoGrids() {
        openVillage();
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".grid-row__pick")))
                .click();
        assertThat(driver.findElement(By.id("grid-title")).getText()).isEqualTo("测试社区第1网格");

        wait(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("split"))).click();
        // Zoomed out one level, a cell is about 35 px, so both ends lie clear of the 10 px snapping.
        driver.executeScript("window.hemeiPlanning.map.setZoom(window.hemeiPlanning.map.getZoom() - 1, {animate: false})");
        clickMapAt(5, -1);
        clickMapAt(5, 11);
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("editor-finish"))).click();

        wait(Duration.ofSeconds(15)).until(d -> gridRowCodes().size() == 2);
        assertThat(gridRowCodes()).containsExactly(village.gridCode(2), village.gridCode(3));
        assertThat(driver.findElement(By.id("status")).getText()).contains("已撤销：" + village.gridCode(1));
        assertThat(driver.findElement(By.id("error")).isDisplayed()).as("page error box shown").isFalse();
        assertThat(severeConsoleEntries()).as("JavaScript errors and failed loads in the console").isEmpty();
    }

    @Test
    void coverageCheckListsGap() {
        jdbc.sql("UPDATE grid SET geom = ST_Multi(ST_GeomFromText(?, 4490)) WHERE code = ?")
                .params(village.cells(0, 0, 6, 10), village.gridCode(1))
                .update();
        openVillage();

        wait(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("coverage"))).click();

        wait(Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector("#finding-list .finding")).isEmpty());
        List<WebElement> findings = driver.findElements(By.cssSelector("#finding-list .finding"));
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).getText()).contains("未被任何网格覆盖");
        assertThat(driver.findElement(By.id("findings-summary")).getText()).contains("缝隙 1 处");
        assertThat(severeConsoleEntries()).as("JavaScript errors and failed loads in the console").isEmpty();
    }

    @Test
    void memberAddedToTeam() {
        long workerId = jdbc.sql("INSERT INTO grid_worker (name, source) VALUES ('测试网格长', 'entered') RETURNING id")
                .query(Long.class).single();
        try {
            openVillage();
            wait(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".grid-row__pick")))
                .click();
            wait(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("team-list")).getText().contains("尚未配备"));

            driver.findElement(By.name("workerName")).sendKeys("测试网格长");
            wait(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("select[name=workerId] option")).size() == 1);
            wait(Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#team-form button[type=submit]"))).click();

            wait(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("team-list")).getText().contains("测试网格长"));
            assertThat(driver.findElement(By.id("team-list")).getText()).contains("网格长");
            assertThat(severeConsoleEntries()).as("JavaScript errors and failed loads in the console").isEmpty();
        } finally {
            jdbc.sql("DELETE FROM grid_assignment WHERE worker_id = ?").param(workerId).update();
            jdbc.sql("DELETE FROM grid_worker WHERE id = ?").param(workerId).update();
        }
    }

    private void openVillage() {
        driver.get("http://127.0.0.1:" + port + "/planning.html?village=" + village.villageCode());
        wait(Duration.ofSeconds(20)).until(d -> !gridRowCodes().isEmpty());
    }

    private void clickMapAt(double cellX, double cellY) {
        WebElement mapElement = driver.findElement(By.id("map"));
        @SuppressWarnings("unchecked")
        Map<String, Number> point = (Map<String, Number>) driver.executeScript(
                "const p = window.hemeiPlanning.map.latLngToContainerPoint([arguments[1], arguments[0]]);"
                        + "return {x: p.x, y: p.y};",
                village.west() + cellX * 0.001, village.south() + cellY * 0.001);
        int fromCentreX = (int) Math.round(point.get("x").doubleValue() - mapElement.getSize().getWidth() / 2.0);
        int fromCentreY = (int) Math.round(point.get("y").doubleValue() - mapElement.getSize().getHeight() / 2.0);
        new Actions(driver).moveToElement(mapElement, fromCentreX, fromCentreY).click().perform();
    }

    /** Reads the codes in one script, so a list the page redraws meanwhile cannot go stale. */
    @SuppressWarnings("unchecked")
    private List<String> gridRowCodes() {
        return (List<String>) driver.executeScript(
                "return [...document.querySelectorAll('#grid-list .grid-row')].map(row => row.dataset.code)");
    }

    private List<String> severeConsoleEntries() {
        return browser.consoleEntries().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    private WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }
}
