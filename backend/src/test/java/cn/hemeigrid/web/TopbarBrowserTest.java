package cn.hemeigrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.hemeigrid.PostgisTest;

/** The page links of the top bar at phone width, in headless Chromium. */
@PostgisTest
class TopbarBrowserTest {

    @LocalServerPort
    int port;

    HeadlessChromium browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.saveScreenshot(Path.of("target", "browser-tests", "Topbar.png"));
            browser.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "report.html", "dispatch.html", "review.html", "planning.html"})
    void pageLinksKeepOneLineAtPhoneWidth(String page) {
        browser = HeadlessChromium.start(390, 844).signIn(port);
        ChromeDriver driver = browser.driver();
        driver.get("http://127.0.0.1:" + port + "/" + page);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(
                driver.executeScript("return document.querySelectorAll('.topbar__nav a').length >= 5")));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> links = (List<Map<String, Object>>) driver.executeScript("""
                return [...document.querySelectorAll('.topbar__nav a')].map(link => {
                  const text = document.createRange();
                  text.selectNodeContents(link);
                  return { name: link.textContent, lines: text.getClientRects().length };
                });
                """);

        for (Map<String, Object> link : links) {
            assertThat(link.get("lines")).as("lines of the link %s", link.get("name")).isEqualTo(1L);
        }
        assertThat(driver.executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("page fits the screen's width").isEqualTo(true);
    }
}
