package cn.hemeigrid.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.TestAccounts;
import tools.jackson.databind.JsonNode;

/** The dispatcher page (dispatch.html) in headless Chromium against the running application. */
@PostgisTest
class DispatchPageBrowserTest {

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
        browser = HeadlessChromium.start(1280, 800).signIn(port);
        driver = browser.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.saveScreenshot(Path.of("target", "browser-tests", "DispatchPage.png"));
            browser.close();
        }
    }

    @Test
    void demoIncidentsCarryDemoTag() {
        JsonNode demo = firstOpenDemoIncident();
        double lon = demo.get("lon").asDouble();
        double lat = demo.get("lat").asDouble();
        String demoId = demo.get("id").asText();
        String realId = reportAt(lon, lat);

        driver.get("http://127.0.0.1:" + port + "/dispatch.html"
                + String.format(Locale.ROOT, "#map=17/%.5f/%.5f", lat, lon));
        wait.until(d -> !d.findElements(rowSelector(demoId)).isEmpty() && !d.findElements(rowSelector(realId)).isEmpty());

        assertThat(demoTags(driver.findElement(rowSelector(demoId)))).as("tags in the demo incident's row")
                .containsExactly("演示数据");
        assertThat(demoTags(driver.findElement(rowSelector(realId)))).as("tags in the real report's row").isEmpty();

        assertThat(demoTags(openMarkerPopup(demoId))).as("tags in the demo incident's marker popup")
                .containsExactly("演示数据");
        assertThat(demoTags(openMarkerPopup(realId))).as("tags in the real report's marker popup").isEmpty();

        String gridCode = demo.get("gridCode").asText();
        List<JsonNode> listed = listedOpenIncidents(gridCode);
        long listedDemos = listed.stream().filter(DispatchPageBrowserTest::isDemo).count();
        WebElement gridPopup = openGridPopup(gridCode, lon, lat);
        List<WebElement> lines = gridPopup.findElements(By.cssSelector(".incident-lines li"));
        assertThat(listedDemos).as("demo incidents among the listed, which include the real report")
                .isBetween(1L, listed.size() - 1L);
        assertThat(lines).as("open incidents listed in the grid popup").hasSize(listed.size());
        assertThat(demoTags(gridPopup)).as("tags in the grid popup").hasSize((int) listedDemos);
    }

    @Test
    void consoleAcceptsAndDispatches() {
        ApiClient.Response created = api.postJson("/api/v1/incidents", """
                {"lon":114.4160,"lat":23.1115,"crs":"cgcs2000","category":"0501",
                 "description":"路口有流动摊贩占道经营。","channel":"app"}
                """);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asText();
        String gridCode = created.json().get("routing").get("grid").get("code").asText();

        // The queue and the workflow panel are rebuilt after each step, so found elements can go stale.
        wait.ignoring(StaleElementReferenceException.class);
        browser.signIn(port, TestAccounts.create(jdbc, "王调度", "dispatcher_township"), TestAccounts.PASSWORD);
        driver.get("http://127.0.0.1:" + port + "/dispatch.html#map=16/23.11150/114.41600");
        wait.until(d -> d.findElements(By.cssSelector("#filter-category option")).size() > 1);
        driver.findElement(By.id("in-view")).click();
        driver.findElement(By.id("filter-grid")).sendKeys(gridCode);
        driver.findElement(By.cssSelector("#filters button[type='submit']")).click();
        // The queue may still be reloading from the first, unfiltered request, which replaces the rows.
        String warning = wait.until(d -> {
            try {
                WebElement row = d.findElement(rowSelector(id));
                String colour = row.getDomAttribute("data-warning");
                row.click();
                return colour;
            } catch (NoSuchElementException | StaleElementReferenceException e) {
                return null;
            }
        });
        assertThat(warning).isIn("green", "yellow", "red");

        WebElement accept = wait.until(d -> visibleAction(d, "accept"));
        wait.until(d -> d.findElement(By.id("actor-name")).getText().equals("王调度"));
        accept.click();
        wait.until(d -> d.findElement(By.id("workflow-status")).getText().equals("已受理"));

        visibleAction(driver, "dispatch").click();
        driver.findElement(By.cssSelector("[data-confirm='dispatch']")).click();
        wait.until(d -> d.findElement(By.id("workflow-status")).getText().equals("已分流交办"));

        JsonNode workflow = api.get("/api/v1/incidents/" + id + "/workflow").json();
        assertThat(workflow.get("status").asString()).isEqualTo("dispatched");
        assertThat(workflow.get("ownerName").asString()).isEqualTo("王调度");
        assertThat(driver.findElement(By.id("account-name")).getText()).isEqualTo("王调度");
        assertThat(driver.findElement(By.id("workflow-error")).isDisplayed()).isFalse();
    }

    @Test
    void staffEntryPlacesPointByMapClick() {
        driver.get("http://127.0.0.1:" + port + "/dispatch.html#map=17/23.11150/114.41600");
        wait.until(d -> d.findElements(By.cssSelector("#entry-category option")).size() > 1);

        driver.findElement(By.cssSelector("#staff-entry summary")).click();
        new Select(driver.findElement(By.id("entry-channel"))).selectByValue("suggestion_box");
        new Select(driver.findElement(By.id("entry-category"))).selectByValue("0501");
        driver.findElement(By.id("entry-description")).sendKeys("意见箱来信：<b>市场门口</b>占道经营。");
        // Off the centre, where other tests leave incident markers; a click on a marker places no point.
        new Actions(driver).moveToElement(driver.findElement(By.id("map")), 150, 120).click().perform();
        wait.until(d -> d.findElement(By.id("entry-location")).getText().startsWith("经度"));
        assertThat(driver.findElements(By.cssSelector(".grid-popup"))).as("grid popups opened by the click").isEmpty();
        driver.findElement(By.cssSelector("#entry-form button[type='submit']")).click();

        WebElement result = wait.withMessage(() -> "entry error: " + driver.findElement(By.id("entry-error")).getText())
                .until(d -> {
                    WebElement entryResult = d.findElement(By.id("entry-result"));
                    return entryResult.isDisplayed() ? entryResult : null;
                });
        Matcher number = Pattern.compile("已录入事件 (\\d+)").matcher(result.getText());
        assertThat(number.find()).as(result.getText()).isTrue();
        long id = Long.parseLong(number.group(1));

        JsonNode items = api.get("/api/v1/incidents?status=reported&limit=1000").json().get("items");
        JsonNode entered = StreamSupport.stream(items.spliterator(), false)
                .filter(item -> item.get("id").asLong() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("incident " + id + " is not listed"));
        assertThat(entered.get("channel").asString()).isEqualTo("suggestion_box");
        assertThat(entered.get("descriptionExcerpt").asString()).contains("<b>市场门口</b>");
        assertThat(driver.findElement(By.id("entry-error")).isDisplayed()).isFalse();
    }

    @Test
    void consoleSummonsAndRecordsAnswers() {
        ApiClient.Response created = api.postJson("/api/v1/incidents", """
                {"lon":114.4180,"lat":23.1135,"crs":"cgcs2000","category":"0501",
                 "description":"商铺无证经营并长期占道。","channel":"app"}
                """);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        ApiClient.Response accepted = api.postJson("/api/v1/incidents/" + id + "/transitions",
                "{\"action\":\"accept\"}");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        String reason = "<i>无证</i>经营且占道，超出社区权责";

        wait.ignoring(StaleElementReferenceException.class);
        driver.get("http://127.0.0.1:" + port + "/dispatch.html#map=16/23.11350/114.41800");
        wait.until(d -> (Boolean) driver.executeScript("return Boolean(window.hemeiDispatch)"));
        showWorkflowPanel(id);
        wait.until(d -> d.findElement(By.id("summons-none")).isDisplayed());
        driver.findElement(By.cssSelector("#summons-form-box summary")).click();
        driver.findElement(By.cssSelector("#summons-departments input[value='city_management']")).click();
        driver.findElement(By.cssSelector("#summons-departments input[value='market_regulation']")).click();
        driver.findElement(By.id("summons-hours")).sendKeys("4");
        driver.findElement(By.id("summons-reason")).sendKeys(reason);
        driver.findElement(By.id("summons-submit")).click();
        List<WebElement> items = wait.withMessage(() -> "summons error: " + driver.findElement(By.id("summons-error")).getText())
                .until(d -> {
                    List<WebElement> listed = d.findElements(By.cssSelector("#summons-list li"));
                    return listed.size() == 2 ? listed : null;
                });

        assertThat(items).extracting(item -> item.getDomAttribute("data-state")).containsOnly("green");
        assertThat(items.get(0).getText()).contains("城市管理和综合执法局").contains("等待答复").contains("答复时限");
        assertThat(items.get(1).getText()).contains("市场监督管理局");
        assertThat(items.get(0).findElement(By.cssSelector(".summons-item__reason")).getText())
                .as("the reason is shown as typed, not as markup").startsWith("事由：" + reason);
        assertThat(driver.findElements(By.cssSelector("#summons-list i"))).isEmpty();
        assertThat(driver.findElement(By.id("summons-none")).isDisplayed()).isFalse();

        String firstId = items.get(0).getDomAttribute("data-summons-id");
        driver.findElement(By.cssSelector("[data-answer='" + firstId + "']")).click();
        driver.findElement(By.id("summons-answer-" + firstId)).sendKeys("城管中队已到场，责令整改");
        driver.findElement(By.cssSelector("#summons-list li[data-summons-id='" + firstId + "'] button[type='submit']"))
                .click();
        wait.until(d -> "answered".equals(summonsItem(firstId).getDomAttribute("data-state")));

        assertThat(summonsItem(firstId).getText()).contains("已答复").contains("答复：城管中队已到场，责令整改（测试管理员");
        JsonNode summons = api.get("/api/v1/incidents/" + id + "/workflow").json().get("summons");
        assertThat(summons.get(0).get("answered").asBoolean()).isTrue();
        assertThat(summons.get(1).get("answered").asBoolean()).isFalse();
        assertThat(summons.get(0).get("reason").asString()).isEqualTo(reason);

        String secondId = summons.get(1).get("id").asText();
        jdbc.sql("""
                        UPDATE incident_summons
                           SET summoned_at = now() - interval '5 hours', response_deadline = now() - interval '1 hour'
                         WHERE id = ?
                        """)
                .param(Long.parseLong(secondId)).update();
        showWorkflowPanel(id);
        wait.until(d -> "red".equals(summonsItem(secondId).getDomAttribute("data-state")));

        assertThat(summonsItem(secondId).getText()).contains("已超时未答复");
        assertThat(summonsItem(secondId).findElement(By.cssSelector(".warning--red")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("workflow-error")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("summons-error")).isDisplayed()).isFalse();
    }

    @Test
    void summonsFormRequiresDepartment() {
        ApiClient.Response created = api.postJson("/api/v1/incidents", """
                {"lon":114.4185,"lat":23.1140,"crs":"cgcs2000","category":"0501",
                 "description":"门店外摆占道。","channel":"app"}
                """);
        long id = created.json().get("id").asLong();
        api.postJson("/api/v1/incidents/" + id + "/transitions", "{\"action\":\"accept\"}");

        driver.get("http://127.0.0.1:" + port + "/dispatch.html#map=16/23.11400/114.41850");
        wait.until(d -> (Boolean) driver.executeScript("return Boolean(window.hemeiDispatch)"));
        showWorkflowPanel(id);
        wait.until(d -> d.findElement(By.id("summons-none")).isDisplayed());
        driver.findElement(By.cssSelector("#summons-form-box summary")).click();
        driver.findElement(By.id("summons-reason")).sendKeys("需要部门到场");
        driver.findElement(By.id("summons-submit")).click();
        wait.until(d -> d.findElement(By.id("summons-error")).isDisplayed());

        assertThat(driver.findElement(By.id("summons-error")).getText()).contains("请至少选择一个召集部门");
        assertThat(api.get("/api/v1/incidents/" + id + "/workflow").json().get("summons").size()).isZero();
    }

    /** Opens an incident's workflow panel as a selection in the queue does. */
    private void showWorkflowPanel(long id) {
        driver.executeScript("window.hemeiDispatch.board.workflowPanel.show(arguments[0])", String.valueOf(id));
        wait.until(d -> d.findElement(By.id("workflow-title")).getText().contains(String.valueOf(id)));
    }

    private WebElement summonsItem(String summonsId) {
        return driver.findElement(By.cssSelector("#summons-list li[data-summons-id='" + summonsId + "']"));
    }

    /** Returns the button of an allowed action in the workflow panel, or null while it is not shown. */
    private static WebElement visibleAction(org.openqa.selenium.WebDriver driver, String action) {
        List<WebElement> buttons = driver.findElements(By.cssSelector("#workflow-actions [data-action='" + action + "']"));
        return buttons.isEmpty() || !buttons.get(0).isDisplayed() ? null : buttons.get(0);
    }

    /** Returns the newest open incident generated as demonstration data. */
    private JsonNode firstOpenDemoIncident() {
        JsonNode items = api.get("/api/v1/incidents?open=true&limit=500").json().get("items");
        return StreamSupport.stream(items.spliterator(), false)
                .filter(DispatchPageBrowserTest::isDemo)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No open demonstration incident in GET /api/v1/incidents"));
    }

    /** Reports a real incident at the given point and returns its id. */
    private String reportAt(double lon, double lat) {
        String body = String.format(Locale.ROOT, """
                {"lon":%f,"lat":%f,"crs":"cgcs2000","category":"0501","description":"路口有流动摊贩占道经营。",
                 "urgency":"ordinary","channel":"app"}
                """, lon, lat);
        ApiClient.Response response = api.postJson("/api/v1/incidents", body);
        assertThat(response.status()).as("status of POST /api/v1/incidents: %s", response.text()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    /** Returns the open incidents of a grid that its popup lists, in the popup's order. */
    private List<JsonNode> listedOpenIncidents(String gridCode) {
        JsonNode open = api.get("/api/v1/grids/" + gridCode).json().get("openIncidents");
        return StreamSupport.stream(open.spliterator(), false).limit(8).toList();
    }

    /** Selects an incident in the list, which opens its marker's popup, and returns the popup. */
    private WebElement openMarkerPopup(String id) {
        driver.executeScript("window.hemeiDispatch.map.closePopup()");
        driver.findElement(rowSelector(id)).click();
        return wait.until(d -> {
            List<WebElement> popups = d.findElements(By.cssSelector(".leaflet-popup-content"));
            return popups.size() == 1 && popups.get(0).getText().contains("承办部门") ? popups.get(0) : null;
        });
    }

    /** Opens a grid's popup as a click on the grid does, and returns it once its incidents are listed. */
    private WebElement openGridPopup(String gridCode, double lon, double lat) {
        driver.executeScript("""
                import('/js/grid-popup.js').then(({ openGridPopup }) => openGridPopup(window.hemeiDispatch.map,
                    { properties: { code: arguments[0], name: arguments[0] } }, L.latLng(arguments[2], arguments[1])));
                """, gridCode, lon, lat);
        return wait.until(d -> {
            List<WebElement> popups = d.findElements(By.cssSelector(".grid-popup .leaflet-popup-content"));
            return popups.size() == 1 && popups.get(0).getText().contains("未办结事件") ? popups.get(0) : null;
        });
    }

    private static boolean isDemo(JsonNode item) {
        return item.path("generated").asBoolean();
    }

    private static By rowSelector(String id) {
        return By.cssSelector(".incident-row[data-id='" + id + "']");
    }

    /** Returns the texts of the demo tags inside an element. */
    private static List<String> demoTags(WebElement container) {
        return container.findElements(By.cssSelector(".badge--demo")).stream().map(WebElement::getText).toList();
    }
}
