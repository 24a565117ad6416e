package cn.hemeigrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.PostgisTest;

/** A resident attaches a photo on report.html; the report stores its server-made reference. */
@PostgisTest
class ReportPhotoBrowserTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};

    // A street in central Huizhou, inside 惠城区, in CGCS2000.
    static final double LON = 114.4160;
    static final double LAT = 23.1115;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path files;

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
            browser.saveScreenshot(Path.of("target", "browser-tests", "ReportPhoto-" + name + ".png"));
            browser.close();
        }
    }

    @Test
    void chosenPhotoIsLinkedToReport() throws IOException {
        Path photo = Files.write(files.resolve("现场.jpg"), JPEG);
        fillReport("人行道上有流动摊贩占道经营，附现场照片。");

        driver.findElement(By.id("photos")).sendKeys(photo.toString());
        wait.until(d -> d.findElements(By.cssSelector("#photo-list img")).size() == 1);
        driver.findElement(By.id("submit")).click();
        wait.until(d -> isShown("tracking-code") || isShown("error"));

        assertThat(isShown("error")).as(driver.findElement(By.id("error")).getText()).isFalse();
        String trackingCode = driver.findElement(By.id("tracking-code")).getText().strip();
        String refs = jdbc.sql("""
                        SELECT array_to_string(t.photo_refs, ' ') FROM incident_transition t
                        JOIN incident i ON i.id = t.incident_id
                        WHERE i.tracking_code = ? AND t.action = 'report'""")
                .param(trackingCode).query(String.class).single();
        assertThat(refs).matches("/api/v1/photos/[0-9a-f]{32}\\.jpg");
    }

    @Test
    void fileOfOtherTypeIsRefusedInChinese() throws IOException {
        Path program = Files.write(files.resolve("setup.exe"), new byte[] {'M', 'Z', 0, 0});
        fillReport("路口占道经营。");

        driver.findElement(By.id("photos")).sendKeys(program.toString());
        driver.findElement(By.id("submit")).click();
        wait.until(d -> isShown("error"));

        assertThat(driver.findElement(By.id("error")).getText()).contains("不是 JPEG、PNG 或 WebP 图片");
    }

    private void fillReport(String description) {
        driver.get("http://127.0.0.1:" + port + "/report.html");
        wait.until(d -> d.findElements(By.cssSelector("#category option")).size() > 1);
        driver.executeScript("window.hemeiReport.setView(arguments[0], arguments[1], 16)", LON, LAT);
        driver.executeScript("window.hemeiReport.setPin(arguments[0], arguments[1])", LON, LAT);
        new Select(driver.findElement(By.id("category"))).selectByValue("0501");
        driver.findElement(By.id("description")).sendKeys(description);
    }

    private boolean isShown(String id) {
        WebElement element = driver.findElement(By.id(id));
        return element.isDisplayed() && !element.getText().isBlank();
    }
}
