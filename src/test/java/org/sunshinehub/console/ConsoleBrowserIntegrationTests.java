package org.sunshinehub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.security.Role;
import org.sunshinehub.support.HeadlessChromium;
import org.sunshinehub.support.Pushes;
import org.sunshinehub.support.TestHub;

/**
 * The console in a real headless Chromium (Debian's, driven by its chromedriver; nothing downloaded) against the
 * real hub: each role signs in and does its main task. A screenshot of each screen goes to target/screenshots/.
 */
class ConsoleBrowserIntegrationTests {

    private static final Path SHOTS = Path.of("target/screenshots");
    private static final TestHub hub = TestHub.shared();
    private static WebDriver browser;

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    static void startBrowser() throws IOException {
        Files.createDirectories(SHOTS);
        browser = HeadlessChromium.start(options -> options.addArguments("--window-size=1280,1000"));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aReviewerSignsOnlyTheirOwnLevel() {
        String first = hub.staff("b-first-" + suffix, Set.of(Role.REVIEWER), List.of("初审"), null);
        String second = hub.staff("b-second-" + suffix, Set.of(Role.REVIEWER), List.of("审核"), null);
        String item = intake("养老服务", "关于养老服务补贴的通知" + suffix);

        signIn(first);
        shot("dashboard");
        assertThat(text("#h-awaiting").replaceAll("\\s", "")).doesNotContain("待我审核0");
        open("/items?state=PENDING_REVIEW");
        shot("items");
        open("/items/" + item);
        browser.findElement(By.id("comment")).sendKeys("同意发布");
        browser.findElement(By.cssSelector("button[value=APPROVE]")).click();
        assertThat(text(".notice")).contains("已签署「初审」");
        assertThat(text("ol.trail")).contains("初审", "通过", first, "同意发布");
        assertThat(browser.findElements(By.id("h-sign"))).as("the next level is not theirs").isEmpty();
        shot("item");

        signIn(second);
        open("/items/" + item);
        assertThat(text("#h-sign")).contains("审核");
    }

    @Test
    void aPublisherPreviewsTestSendsSendsAndWatchesTheProgressReachTheEnd() {
        String topic = "浏览器" + suffix;
        List<String> phones = new Pushes(hub).subscribers("1371" + String.format("%02d", Math.abs(suffix.hashCode()) % 100), 5, topic);
        String item = new Pushes(hub).approvedItem("关于低保标准调整的公告" + suffix);
        String publisher = hub.staff("b-pub-" + suffix, Set.of(Role.PUBLISHER), List.of(), null);

        signIn(publisher);
        open("/plans/new?itemId=" + item);
        browser.findElement(By.cssSelector("input[name=channels][value=weibo]")).click();
        browser.findElement(By.id("topics")).sendKeys(topic);
        Awaitility.await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> text("#audience-size").contains("5 人"));
        // htmx swaps these fragments in place: an element read during a swap may be gone, so read again.
        Awaitility.await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() ->
                browser.findElements(By.cssSelector(".preview[data-channel=weibo]")).size() == 1);
        Awaitility.await().ignoreExceptions().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(text(".preview[data-channel=sms]")).contains("短信", "低保标准调整", "条计费");
            assertThat(text(".preview[data-channel=weibo]")).contains("/ 140 字");
        });
        shot("plan-new");
        browser.findElement(By.cssSelector("input[name=channels][value=weibo]")).click();
        browser.findElement(By.id("test-sms")).click();
        assertThat(text(".notice")).contains("测试消息已发送到您本人的手机");
        assertThat(hub.sandbox("GET", "/admin/sms?phone=13800000000", null).body()).contains("低保标准调整");

        assertThat(browser.findElement(By.id("topics")).getAttribute("value")).isEqualTo(topic);
        Pushes pushes = new Pushes(hub);
        pushes.faults("{\"undeliveredNumbers\": [\"" + phones.get(0) + "\"]}");
        try {
            browser.findElement(By.id("create-plan")).click();
            // the form's POST answers with a redirect the browser may still be following
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> browser.getCurrentUrl().matches(".*/plans/[0-9a-f]{24}$"));
            Awaitility.await().ignoreExceptions().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> text("#progress-percent").equals("100%") && text("#progress").contains("已完成"));
        } finally {
            pushes.faults("{}");
        }
        Awaitility.await().ignoreExceptions().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(text("#progress")).contains("已生成投递 5");
            assertThat(text("#plan-state")).as("the polled fragment carries the state").isEqualTo("已完成");
            assertThat(text("#state-counts")).contains("已送达", "未送达").doesNotContain("{", "DELIVERED");
        });
        shot("plan");
        resendTheFailedAndRecallTheItem(phones.get(0));
        open("/plans");
        shot("plans");
    }

    /** On a completed plan's page with one undelivered message: resend it, then recall the item, each confirmed. */
    private void resendTheFailedAndRecallTheItem(String undelivered) {
        String planPage = browser.getCurrentUrl();
        browser.findElement(By.id("resend-failed")).click();
        assertThat(text("main")).contains("确认重发失败的投递", "1 条投递");
        shot("plan-resend");
        browser.findElement(By.id("confirm-resend")).click();
        assertThat(text(".notice")).contains("已将 1 条失败投递重新排队");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                new Pushes(hub).sentTo(undelivered).size() == 2);

        browser.findElement(By.id("recall-item")).click();
        assertThat(text("main")).contains("确认撤回信息", "短信和微信模板消息无法撤回");
        browser.findElement(By.id("reason")).sendKeys("数据有误");
        browser.findElement(By.id("correction")).sendKeys("以政府网站为准");
        shot("plan-recall");
        browser.findElement(By.id("confirm-recall")).click();
        // the form's POST answers with a redirect the browser may still be following
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> browser.getCurrentUrl().equals(planPage));
        assertThat(text(".notice")).contains("信息已撤回", "sms", "更正 5 人");
        assertThat(browser.findElements(By.id("recall-item"))).isEmpty();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                new Pushes(hub).sentTo(undelivered).toString().contains("以政府网站为准"));
        shot("plan-recalled");
    }

    @Test
    void aResponderAnswersFeedback() {
        String responder = hub.staff("b-res-" + suffix, Set.of(Role.RESPONDER), List.of(), null);
        String openId = "oBrowser" + suffix;
        hub.sandbox("POST", "/admin/wechat/follower", "{\"account\":\"gov\",\"openid\":\"" + openId + "\",\"event\":\"subscribe\"}");
        hub.sandbox("POST", "/admin/wechat/follower", "{\"account\":\"gov\",\"openid\":\"" + openId
                + "\",\"text\":\"养老补贴什么时候发放" + suffix + "\",\"msgId\":" + (7200000000000000000L + Math.abs(suffix.hashCode()) % 1000000) + "}");

        signIn(responder);
        open("/feedback?answered=false&channel=wechat");
        WebElement card = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            browser.navigate().refresh();
            return browser.findElements(By.xpath("//article[contains(., '" + suffix + "')]")).stream().findFirst().orElse(null);
        }, e -> e != null);
        assertThat(card.getText()).contains("oBro****").doesNotContain(openId);
        shot("feedback");
        card.findElement(By.tagName("textarea")).sendKeys("每月10日前发放，谢谢关注。");
        card.findElement(By.cssSelector("button.primary")).click();

        assertThat(text(".notice")).contains("答复已发出");
        assertThat(hub.sandbox("GET", "/admin/wechat/messages?openid=" + openId, null).body()).contains("每月10日前发放");
    }

    @Test
    void aDivisionAccountSeesOnlyItsOwnTasks() {
        String ours = task("social-assistance", "低保资金发放进度督办" + suffix);
        task("elderly-care", "敬老院收费投诉" + suffix);
        String division = hub.staff("b-div-" + suffix, Set.of(Role.DIVISION), List.of(), "social-assistance");

        signIn(division);
        open("/tasks");
        assertThat(text("main")).contains("低保资金发放进度督办" + suffix).doesNotContain("敬老院收费投诉" + suffix);
        assertThat(browser.findElements(By.cssSelector("#task-" + ours + " .countdown"))).isNotEmpty();
        assertThat(text("#task-" + ours + " .countdown")).matches("(剩余|已超时) .*");
        shot("tasks");
        browser.findElement(By.cssSelector("#task-" + ours + " form[action$='/ack'] button")).click();
        assertThat(text(".notice")).contains("已签收");
        assertThat(text("#task-" + ours)).contains("签收：b-div-" + suffix + " 测试");
    }

    @Test
    void anAuditorReadsEverythingAndIsRefusedEveryChange() {
        String auditor = hub.staff("b-aud-" + suffix, Set.of(Role.AUDITOR), List.of(), null);
        String admin = hub.staff("b-adm-" + suffix, Set.of(Role.ADMIN), List.of(), null);
        String item = intake("社会救助", "关于临时救助的通知" + suffix);

        signIn(admin);
        open("/admin");
        shot("admin-accounts");

        signIn(auditor);
        open("/admin/audit");
        assertThat(text("table")).contains("登录");
        shot("audit-log");
        open("/items/" + item);
        assertThat(browser.findElements(By.id("h-sign"))).isEmpty();
        for (String action : List.of("/items/" + item + "/review?decision=APPROVE", "/plans?itemId=" + item,
                "/feedback/none/answer?text=x", "/tasks/none/ack", "/admin/accounts?username=x&displayName=x&roles=ADMIN",
                "/admin/accounts/admin/password", "/plans/test-send?channel=sms&itemId=" + item)) {
            open("/");
            post(action);
            assertThat(text("h1")).as(action).isEqualTo("无权操作");
        }
        shot("refused");
        open("/plans/new");
        assertThat(text("h1")).isEqualTo("无权操作");
    }

    // --- steps ---

    private void signIn(String username) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(TestHub.STAFF_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(text(".who")).contains(username);
    }

    /** A form post from the page, with the page's CSRF token: what a hand-made request from a signed-in browser does. */
    private void post(String pathAndQuery) {
        ((JavascriptExecutor) browser).executeScript("""
                const token = document.querySelector('input[name=_csrf]').value;
                const form = document.createElement('form');
                form.method = 'post';
                form.action = arguments[0] + (arguments[0].includes('?') ? '&' : '?') + '_csrf=' + encodeURIComponent(token);
                document.body.appendChild(form);
                form.submit();""", pathAndQuery);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !browser.getCurrentUrl().endsWith(":" + hub.port() + "/"));
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + hub.port() + path);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private void shot(String name) {
        File png = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String intake(String category, String title) {
        return TestHub.json(hub.post("/api/intake/disclosures", """
                {"source":"oa","sourceId":"%s","title":"%s","category":"%s","body":"为进一步做好相关工作，现将有关事项通知如下。"}
                """.formatted(UUID.randomUUID(), title, category))).get("id").asText();
    }

    private String task(String division, String title) {
        return TestHub.json(hub.post("/api/intake/opinion-tasks", """
                {"source":"supervision","sourceId":"%s","title":"%s","division":"%s","publishedAt":"%s","supervisionWorkingDays":5}"""
                .formatted(UUID.randomUUID(), title, division,
                        OffsetDateTime.ofInstant(hub.clock().instant(), SunshineHubApplication.ZONE)))).get("id").asText();
    }
}
