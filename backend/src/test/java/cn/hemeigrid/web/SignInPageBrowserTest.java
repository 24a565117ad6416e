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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.TestAccounts;

/** The sign-in page, the account in the top bar, sign-out, and the administrator page, in headless Chromium. */
@PostgisTest
class SignInPageBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

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
    void stopBrowser() {
        if (browser != null) {
            browser.saveScreenshot(Path.of("target", "browser-tests", "SignInPage.png"));
            browser.close();
        }
    }

    @Test
    void staffPageAsksForSignInAndReturns() {
        String login = TestAccounts.create(jdbc, "页面登录", "dispatcher_township");

        driver.get(url("/dispatch.html"));
        wait.until(d -> d.getCurrentUrl().contains("/login.html?next="));
        driver.findElement(By.id("login-name")).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys("wrong-password");
        driver.findElement(By.id("sign-in")).click();
        WebElement error = wait.until(d -> {
            WebElement box = d.findElement(By.id("error"));
            return box.isDisplayed() ? box : null;
        });
        String errorText = error.getText();
        driver.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        driver.findElement(By.id("sign-in")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/dispatch.html"));
        String name = wait.until(d -> {
            List<WebElement> found = d.findElements(By.id("account-name"));
            return found.isEmpty() ? null : found.get(0).getText();
        });
        driver.findElement(By.cssSelector(".topbar__sign-out")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/login.html"));
        driver.get(url("/dispatch.html"));

        assertThat(errorText).isEqualTo("登录名或密码错误，或账号已停用。");
        assertThat(name).isEqualTo("页面登录");
        wait.until(d -> d.getCurrentUrl().contains("/login.html?next="));
        assertThat(severeConsoleErrors()).isEmpty();
    }

    @Test
    void topBarHidesPagesOfOtherRoles() {
        browser.signIn(port, TestAccounts.create(jdbc, "兼职网格员甲", "grid_worker_part_time"), TestAccounts.PASSWORD);

        driver.get(url("/index.html"));
        wait.until(d -> !d.findElements(By.id("account-name")).isEmpty());

        assertThat(driver.findElement(By.cssSelector(".topbar__nav a[href='dispatch.html']")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector(".topbar__nav a[href='planning.html']")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.cssSelector(".topbar__nav a[href='review.html']")).isDisplayed()).isFalse();
        assertThat(driver.findElements(By.cssSelector(".topbar__admin-link"))).isEmpty();
    }

    @Test
    void administratorCreatesAccountOnAdminPage() {
        String login = "page-" + System.nanoTime() % 1_000_000_000L;
        browser.signIn(port);

        driver.get(url("/admin.html"));
        wait.until(d -> !d.findElements(By.cssSelector("#account-rows tr[data-login='test-admin']")).isEmpty());
        driver.findElement(By.id("new-account")).click();
        driver.findElement(By.id("form-login")).sendKeys(login);
        driver.findElement(By.id("form-display-name")).sendKeys("页面新建");
        driver.findElement(By.id("form-password")).sendKeys("page-password-1");
        driver.findElement(By.cssSelector("#role-choices input[value='planner']")).click();
        driver.findElement(By.id("save-account")).click();
        WebElement row = wait.until(d -> d.findElements(By.cssSelector("#account-rows tr[data-login='" + login + "']"))
                .stream().findFirst().orElse(null));

        assertThat(row.getText()).contains("页面新建", "网格规划员", "全市", "启用");
        wait.until(d -> d.findElement(By.id("audit-rows")).getText().contains("新建账号"));
        assertThat(driver.findElement(By.id("audit-rows")).getText()).doesNotContain("account.create");
        assertThat(severeConsoleErrors()).isEmpty();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Console errors other than the expected 401 of the failed sign-in. */
    private List<String> severeConsoleErrors() {
        return browser.consoleEntries().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(entry -> entry.getMessage())
                .filter(message -> !message.contains("401"))
                .toList();
    }
}
