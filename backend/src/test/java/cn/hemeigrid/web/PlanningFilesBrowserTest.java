package cn.hemeigrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.locationtech.jts.io.WKTReader;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.planning.TestVillage;
import cn.hemeigrid.planning.shapefile.DbfTable;
import cn.hemeigrid.planning.shapefile.PrjCrs;
import cn.hemeigrid.planning.shapefile.ShapefileArchive;
import cn.hemeigrid.planning.shapefile.ShpWriter;

/**
 * The import section, the team history and the reshaping of a grid of several parts on the
 * planning page (planning.html) in headless Chromium, on a test village.
 */
@PostgisTest
class PlanningFilesBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestVillage village;
    HeadlessChromium browser;
    ChromeDriver driver;
    Path upload;

    @BeforeEach
    void start() {
        village = new TestVillage(jdbc, "89", 112.90, 20.90);
        village.delete();
        village.insert();
        browser = HeadlessChromium.start(1280, 900).signIn(port);
        driver = browser.driver();
    }

    @AfterEach
    void stop(TestInfo test) throws Exception {
        if (browser != null) {
            String method = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("unknown");
            browser.saveScreenshot(Path.of("target", "browser-tests", "PlanningFiles-" + method + ".png"));
            browser.close();
        }
        if (upload != null) {
            Files.deleteIfExists(upload);
        }
        village.delete();
    }

    @Test
    void shapefileCheckedThenImported() throws Exception {
        village.insertGrid(1, village.cells(0, 0, 5, 10));
        upload = Files.createTempFile("planning-import-", ".zip");
        Files.write(upload, shapefile(village.gridCode(2), village.cells(5, 0, 5, 10)));
        openVillage();

        driver.findElement(By.cssSelector("#import-form input[type=file]")).sendKeys(upload.toString());
        assertThat(new Select(driver.findElement(By.cssSelector("#import-form select[name=format]")))
                .getFirstSelectedOption().getAttribute("value")).isEqualTo("shp");
        driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        wait(Duration.ofSeconds(20)).until(d -> d.findElement(By.id("import-summary")).getText().contains("可以导入"));
        assertThat(driver.findElement(By.id("import-crs")).getText()).contains("cgcs2000");
        driver.executeScript("window.confirm = () => true");
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("import-commit"))).click();

        wait(Duration.ofSeconds(20)).until(d -> gridRowCodes().size() == 2);
        assertThat(driver.findElement(By.id("status")).getText()).contains("已导入 1 个网格");
        assertThat(driver.findElement(By.id("import-progress")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("error")).isDisplayed()).as("page error box shown").isFalse();
        assertThat(severeConsoleEntries()).as("JavaScript errors and failed loads in the console").isEmpty();
    }

    @Test
    void teamChangeShownInHistory() {
        village.insertGrid(1, village.cells(0, 0, 10, 10));
        long workerId = jdbc.sql("INSERT INTO grid_worker (name, source) VALUES ('历史网格长', 'entered') RETURNING id")
                .query(Long.class).single();
        try {
            openVillage();
            selectFirstGrid();
            driver.findElement(By.name("workerName")).sendKeys("历史网格长");
            wait(Duration.ofSeconds(10))
                    .until(d -> d.findElements(By.cssSelector("select[name=workerId] option")).size() == 1);
            wait(Duration.ofSeconds(10))
                    .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#team-form button[type=submit]")))
                    .click();

            wait(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("team-history-list")).getAttribute("textContent")
                    .contains("历史网格长"));
            String history = driver.findElement(By.id("team-history-list")).getAttribute("textContent");
            assertThat(history).contains("网格长 历史网格长").contains("至今").contains("测试管理员 加入");
            assertThat(severeConsoleEntries()).as("JavaScript errors and failed loads in the console").isEmpty();
        } finally {
            jdbc.sql("DELETE FROM grid_assignment WHERE worker_id = ?").param(workerId).update();
            jdbc.sql("DELETE FROM grid_worker WHERE id = ?").param(workerId).update();
        }
    }

    @Test
    void secondPartOfGridReshaped() {
        village.insertGrid(1, "MULTIPOLYGON(" + village.cells(0, 0, 3, 3).substring(7) + ", "
                + village.cells(6, 6, 3, 3).substring(7) + ")");
        openVillage();
        selectFirstGrid();

        Select part = new Select(driver.findElement(By.id("reshape-part")));
        assertThat(part.getOptions()).hasSize(2);
        part.selectByValue("1");
        driver.findElement(By.id("reshape")).click();
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("editor-finish")));
        // Moves the north-east corner of the edited part half a cell outwards, as a drag would.
        Number editedWest = (Number) driver.executeScript("""
                const editor = window.hemeiPlanning.editor;
                const ring = editor.rings[0];
                const corner = ring.reduce((best, p) => (p[0] + p[1] > best[0] + best[1] ? p : best));
                corner[0] += 0.0005;
                corner[1] += 0.0005;
                editor.render();
                return Math.min(...ring.map((p) => p[0]));""");
        driver.findElement(By.id("editor-finish")).click();

        wait(Duration.ofSeconds(15)).until(d -> d.findElement(By.id("status")).getText().contains("第 2 版"));
        assertThat(editedWest.doubleValue()).as("west edge of the edited part").isCloseTo(village.west() + 0.006,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(jdbc.sql("SELECT ST_NumGeometries(geom) FROM grid WHERE code = ?").param(village.gridCode(1))
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT ST_Equals(ST_GeometryN(geom, 1), ST_GeomFromText(?, 4490)) FROM grid WHERE code = ?")
                .params(village.cells(0, 0, 3, 3), village.gridCode(1)).query(Boolean.class).single())
                .as("first part unchanged").isTrue();
        assertThat(driver.findElement(By.id("error")).isDisplayed()).as("page error box shown").isFalse();
        assertThat(severeConsoleEntries()).as("JavaScript errors and failed loads in the console").isEmpty();
    }

    private static byte[] shapefile(String code, String wkt) throws Exception {
        ShpWriter.Output geometry = ShpWriter.write(List.of(new WKTReader().read(wkt)));
        Map<String, Integer> columns = new LinkedHashMap<>();
        columns.put("code", 15);
        columns.put("name", 60);
        byte[] dbf = DbfTable.write(columns, List.of(List.of(code, "导入的网格")));
        return new ShapefileArchive("grids", geometry.shp(), geometry.shx(), dbf, PrjCrs.CGCS2000_PRJ, "UTF-8").write();
    }

    private void openVillage() {
        driver.get("http://127.0.0.1:" + port + "/planning.html?village=" + village.villageCode());
        wait(Duration.ofSeconds(20)).until(d -> !gridRowCodes().isEmpty());
    }

    private void selectFirstGrid() {
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".grid-row__pick")))
                .click();
        wait(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("grid-block")).isDisplayed());
    }

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
