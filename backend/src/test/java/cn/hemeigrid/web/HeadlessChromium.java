package cn.hemeigrid.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

import cn.hemeigrid.ApiClient;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, for browser tests of the pages.
 * Both binaries are given by path, so Selenium Manager never runs and nothing is downloaded.
 * Each browser gets a fresh profile in a temporary folder, deleted on close.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Starts a browser whose pages get a viewport of the given size in CSS pixels, in
     * Chromium's default language. Fails the test, rather than skipping it, when Chromium or
     * chromedriver is missing.
     */
    static HeadlessChromium start(int width, int height) {
        return start(width, height, null);
    }

    /**
     * Starts a browser like {@link #start(int, int)} whose user prefers the given languages,
     * e.g. "en-US,en". The first one becomes the interface language (navigator.language), and
     * the list is sent as the Accept-Language header of every request the browser makes
     * unless a page sets its own.
     */
    static HeadlessChromium start(int width, int height, String acceptLanguages) {
        requireExecutable(CHROMIUM);
        requireExecutable(CHROMEDRIVER);

        Path profile = createProfileFolder();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        if (acceptLanguages != null) {
            options.addArguments("--lang=" + acceptLanguages.split(",")[0]);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
        }
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // --window-size alone is not enough: headless Chromium 156 under chromedriver keeps
        // the window at least 500 px wide, and the window includes space outside the page.
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return new HeadlessChromium(driver, profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Signs in as the test administrator through the sign-in page, so the staff pages open
     * afterwards. The session cookie stays in this browser's profile until it closes.
     */
    HeadlessChromium signIn(int port) {
        return signIn(port, ApiClient.TEST_ADMIN_LOGIN, ApiClient.TEST_ADMIN_PASSWORD);
    }

    /** Signs in through the sign-in page with the given account; fails the test when the page stays open. */
    HeadlessChromium signIn(int port, String login, String password) {
        driver.get("http://127.0.0.1:" + port + "/login.html?next=/login.html%3Fsigned-in");
        driver.findElement(By.id("login-name")).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("?signed-in"));
        } catch (TimeoutException timeout) {
            fail("Sign-in as " + login + " failed: " + driver.findElement(By.id("error")).getText());
        }
        return this;
    }

    /**
     * Rewrites the JSON body of every fetch response whose URL path matches {@code pathPattern}
     * (a JavaScript regular expression) in the pages loaded from now on. {@code transform} is
     * a JavaScript function expression that takes the parsed body and returns the new one.
     * Tests use it to add fields that the API is to send but does not send yet.
     */
    void rewriteJsonResponses(String pathPattern, String transform) {
        String script = """
                (() => {
                  const pattern = new RegExp(%s);
                  const transform = %s;
                  const originalFetch = window.fetch;
                  window.fetch = async (input, init) => {
                    const response = await originalFetch(input, init);
                    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
                    if (!response.ok || !pattern.test(url.pathname)) {
                      return response;
                    }
                    const body = transform(await response.json());
                    return new Response(JSON.stringify(body),
                        { status: response.status, statusText: response.statusText, headers: response.headers });
                  };
                })();
                """.formatted(ApiClient.json(pathPattern), transform);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    /** Returns the console messages and failed loads logged since the last call. */
    List<LogEntry> consoleEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /** Saves a screenshot, for looking at a failed run. */
    void saveScreenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to save screenshot " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteFolder(profile);
        }
    }

    private static void requireExecutable(Path binary) {
        if (!Files.isExecutable(binary)) {
            fail(binary + " is missing: the browser tests need Debian's Chromium. "
                    + "Install it with: apt-get install chromium chromium-driver");
        }
    }

    private static Path createProfileFolder() {
        try {
            return Files.createTempDirectory("hemei-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to create a Chromium profile folder", e);
        }
    }

    private static void deleteFolder(Path folder) {
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            // Left in the temp folder: Chromium may still be writing there while it exits,
            // and every run creates a new profile anyway.
        }
    }
}
