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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.indicators.IndicatorCounty;

/** The review page (review.html) in headless Chromium on the indicator test county of March 2021. */
@PostgisTest
class ReviewPageBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HeadlessChromium browser;
    ChromeDriver driver;

    @BeforeEach
    void start() {
        IndicatorCounty.insert(jdbc);
        browser = HeadlessChromium.start(1280, 900).signIn(port);
        driver = browser.driver();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.saveScreenshot(Path.of("target", "browser-tests", "ReviewPage-marchByGrid.png"));
            browser.close();
        }
    }

    @Test
    void marchByGridShowsTableChartsAndMap() {
        driver.get("http://127.0.0.1:" + port + "/review.html");
        new Select(driver.findElement(By.id("level"))).selectByValue("grid");
        new Select(driver.findElement(By.id("period-kind"))).selectByValue("month");
        WebElement year = driver.findElement(By.id("year"));
        year.clear();
        year.sendKeys("2021");
        new Select(driver.findElement(By.id("period-index"))).selectByValue("3");
        driver.findElement(By.cssSelector("#period-form button[type=submit]")).click();

        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("summary")).getText().startsWith("2021-03-01 至 2021-03-31"));
        List<String> gridRow = cells(IndicatorCounty.GRID_1);
        assertThat(gridRow).containsExactly(IndicatorCounty.GRID_1, "指标第一村第1网格", "4", "4", "2", "1",
                "50.0%", "25.0%", "50.0%", "32 分钟", "120.0 小时", "2.50");
        assertThat(cells(IndicatorCounty.GRID_3)).containsExactly(IndicatorCounty.GRID_3, "指标第二村第1网格",
                "0", "0", "0", "0", "—", "—", "—", "—", "—", "5.00");
        assertThat(driver.findElements(By.cssSelector("#rate-chart canvas"))).as("rate chart drawn").isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#count-chart canvas"))).as("count chart drawn").isNotEmpty();
        assertThat(driver.findElement(By.id("csv-link")).getAttribute("href"))
                .endsWith("/api/v1/indicators.csv?level=grid&from=2021-03-01&to=2021-03-31");
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("#hotspot-map path.leaflet-interactive")).isEmpty());
        String legend = driver.findElement(By.className("hotspot-legend")).getText();
        assertThat(legend).startsWith("每 500 米方格上报事件数");
        assertThat(driver.findElements(By.cssSelector(".hotspot-legend li"))).as("legend classes").isNotEmpty();
        assertThat(driver.findElement(By.id("error")).isDisplayed()).as("page error box shown").isFalse();
        assertThat(severeConsoleEntries()).as("JavaScript errors and failed loads in the console").isEmpty();
    }

    /** Returns the cell texts of the table row whose first cell is the code. */
    @SuppressWarnings("unchecked")
    private List<String> cells(String code) {
        return (List<String>) driver.executeScript("""
                const row = [...document.querySelectorAll('#unit-rows tr')]
                    .find(tr => tr.cells[0].textContent === arguments[0]);
                return row ? [...row.cells].map(cell => cell.textContent) : [];
                """, code);
    }

    private List<String> severeConsoleEntries() {
        return browser.consoleEntries().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }
}
