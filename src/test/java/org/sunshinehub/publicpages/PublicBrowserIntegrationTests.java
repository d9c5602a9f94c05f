package org.sunshinehub.publicpages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.support.HeadlessChromium;
import org.sunshinehub.support.Pushes;
import org.sunshinehub.support.TestHub;

/**
 * The public pages in a real headless Chromium at a phone's viewport (390×844), from the link in a sandbox SMS to
 * the published adoption report. Screenshots go to target/screenshots/public-*.png.
 */
class PublicBrowserIntegrationTests {

    private static final Path SHOTS = Path.of("target/screenshots");
    private static final TestHub hub = TestHub.startWithPublicLinks();
    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        Files.createDirectories(SHOTS);
        // A phone's viewport and touch, as Chromium's device emulation makes it (a window cannot be that narrow).
        browser = HeadlessChromium.start(options -> options.setExperimentalOption("mobileEmulation", java.util.Map.of(
                "deviceMetrics", java.util.Map.of("width", 390, "height", 844, "pixelRatio", 3.0, "touch", true))));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        hub.close();
    }

    @Test
    void aCitizenOpensTheSmsLinkVerifiesThePhoneCommentsAndLaterReadsTheReport() {
        // Given a subscriber of 养老服务 who got the SMS of a consultation opening
        String phone = new Pushes(hub).subscribers("1391234", 1, "养老服务").get(0);
        String id = consultation();
        String sms = Awaitility.await().atMost(TestHub.PATIENCE).until(() -> new Pushes(hub).sentTo(phone),
                m -> !m.isEmpty()).get(0).get("text").asText();

        // When the citizen opens its link on the phone
        browser.get(PublicPagesIntegrationTests.LINK.matcher(sms).results().findFirst().orElseThrow().group());
        assertThat(text("h1")).contains("社区助餐服务管理办法");
        assertThat(text("#period")).contains("还剩 10 天");
        assertThat(((Number) ((ChromeDriver) browser).executeScript("return window.innerWidth")).intValue()).isEqualTo(390);
        assertThat(((Number) ((ChromeDriver) browser).executeScript("return document.documentElement.scrollWidth")).intValue())
                .as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
        shot("public-consultation");

        // And verifies the phone with the code the sandbox received
        browser.findElement(By.id("verify-link")).click();
        browser.findElement(By.id("phone")).sendKeys(phone);
        browser.findElement(By.id("send-code")).click();
        awaitText(".notice", "验证码已发送到 139****");
        String code = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lastText(phone), t -> t.contains("验证码"))
                .replaceAll(".*验证码(\\d{6}).*", "$1");
        browser.findElement(By.id("code")).sendKeys(code);
        shot("public-verify");
        browser.findElement(By.id("verify-code")).click();

        // And leaves an opinion, with the keyboard only
        awaitText(".notice", "手机号已验证");
        browser.findElement(By.id("text")).sendKeys("建议在农村地区增设助餐点");
        browser.findElement(By.id("text")).sendKeys(Keys.TAB, Keys.ENTER);

        // Then a receipt number is shown and the opinion is the consultation's Feedback
        assertThat(text("#receipt")).matches("(?s).*回执号：YJ[0-9A-Z]{10}.*");
        shot("public-receipt");
        JsonNode feedback = TestHub.json(hub.get("/api/feedback?itemId=" + id)).get("feedback");
        assertThat(feedback).hasSize(1);

        // And the large-text mode scales the page and is remembered
        int before = fontSize();
        browser.findElement(By.id("large-text")).click();
        browser.navigate().refresh();
        assertThat(fontSize()).isGreaterThan(before);
        assertThat(browser.findElement(By.id("large-text")).getAttribute("aria-pressed")).isEqualTo("true");
        shot("public-large-text");
        browser.findElement(By.id("large-text")).click();

        // When the period ends and staff publish the adoption report
        hub.clock().advance(Duration.ofDays(11));
        hub.send(hub.request("/api/consultations/" + id + "/opinions/" + feedback.get(0).get("sourceKey").asText()
                + "/adoption").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"adoption\":\"ADOPTED\"}")));
        assertThat(hub.post("/api/consultations/" + id + "/report", "{\"summary\":\"感谢参与\"}").statusCode()).isEqualTo(201);

        // Then the page has no form any more and shows the published report
        browser.navigate().refresh();
        assertThat(browser.findElements(By.id("opinion-form"))).isEmpty();
        assertThat(text("#closed-note")).contains("已截止");
        assertThat(text("#report")).contains("意见采纳情况", "共收到意见 1 条");
        shot("public-report");
        browser.get("http://127.0.0.1:" + hub.port() + "/p/consultations");
        assertThat(text("#closed-list")).contains("社区助餐服务管理办法", "查看采纳情况");
        shot("public-list");
    }

    @Test
    void aCitizenChangesTopicsOnTheSubscriptionPageAndTheNextPushFollowsThem() {
        // Given a subscriber of 社会救助, and another who stays on it
        Pushes pushes = new Pushes(hub);
        String phone = pushes.subscribers("1392345", 1, "社会救助").get(0);
        String other = pushes.subscribers("1393456", 1, "社会救助").get(0);

        // When the citizen verifies the phone on the subscription page and moves from 社会救助 to 养老服务
        browser.manage().deleteAllCookies();
        browser.get("http://127.0.0.1:" + hub.port() + "/p/subscriptions");
        browser.findElement(By.id("verify-link")).click();
        browser.findElement(By.id("phone")).sendKeys(phone);
        browser.findElement(By.id("send-code")).click();
        String code = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lastText(phone), t -> t.contains("订阅，验证码"))
                .replaceAll(".*验证码(\\d{6}).*", "$1");
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.id("verify-code")).click();
        awaitText("#current", "当前订阅：社会救助");
        browser.findElement(By.xpath("//label[span='社会救助']")).click();
        browser.findElement(By.xpath("//label[span='养老服务']")).click();
        shot("public-subscriptions");
        browser.findElement(By.id("save-subscriptions")).click();
        awaitText(".notice", "订阅已保存");
        assertThat(text("#current")).isEqualTo("当前订阅：养老服务");

        // Then the next push on 社会救助 reaches the other subscriber but not this one, and one on 养老服务 reaches it
        String assistance = pushes.approvedItem("关于临时救助标准的通知");
        pushes.awaitCount(pushes.plan(assistance, "社会救助", "").get("id").asText(), "DELIVERED", 1, TestHub.PATIENCE);
        assertThat(lastText(other)).contains("关于临时救助标准的通知");
        String care = pushes.approvedItem("关于养老服务补贴的通知");
        pushes.plan(care, "养老服务", "");
        Awaitility.await().atMost(TestHub.PATIENCE).until(() -> lastText(phone).contains("关于养老服务补贴的通知"));
        List<String> texts = new java.util.ArrayList<>();
        pushes.sentTo(phone).forEach(m -> texts.add(m.get("text").asText()));
        assertThat(texts).noneMatch(t -> t.contains("关于临时救助标准的通知"));
    }

    @Test
    void aWechatFollowerIsRecognisedByWebAuthorizationAndComments() {
        // Given a sandbox follower whose WeChat opens the consultation's page
        String openId = "oWebAuth" + UUID.randomUUID().toString().substring(0, 8);
        hub.sandbox("POST", "/admin/wechat/follower", "{\"account\":\"gov\",\"openid\":\"" + openId + "\",\"event\":\"subscribe\"}");
        hub.sandbox("POST", "/admin/wechat/browser", "{\"openid\":\"" + openId + "\"}");
        String id = consultation();
        browser.manage().deleteAllCookies();
        browser.get("http://127.0.0.1:" + hub.port() + "/p/" + org.sunshinehub.content.PublicLinks.code(id));

        // When the follower confirms with WeChat (authorize redirect, then code for openid) and comments
        browser.findElement(By.id("wechat-link")).click();
        awaitText(".notice", "已通过微信确认身份");
        assertThat(text("#opinion-form")).contains("已确认身份：oWeb****").doesNotContain(openId);
        browser.findElement(By.id("text")).sendKeys("微信里提的意见：建议延长营业时间");
        browser.findElement(By.id("submit-opinion")).click();

        // Then the receipt is shown and the opinion is Feedback from that follower
        assertThat(text("#receipt")).contains("回执号：YJ");
        shot("public-wechat-receipt");
        JsonNode feedback = TestHub.json(hub.get("/api/feedback?itemId=" + id)).get("feedback");
        assertThat(feedback).hasSize(1);
        assertThat(feedback.get(0).get("text").asText()).isEqualTo("微信里提的意见：建议延长营业时间");
        hub.sandbox("POST", "/admin/wechat/browser", "{\"openid\":null}");
    }

    private static String consultation() {
        OffsetDateTime now = OffsetDateTime.ofInstant(hub.clock().instant(), SunshineHubApplication.ZONE);
        var created = hub.post("/api/intake/consultations", """
                {"source":"website","sourceId":"%s","title":"《社区助餐服务管理办法（征求意见稿）》","issuer":"广东省民政厅",
                 "category":"养老服务","consultationType":"行政规范性文件","shortPeriodReason":"测试","summary":"为规范社区助餐服务，现公开征求意见。",
                 "body":"第一条 为了规范社区助餐服务，制定本办法。\\n第二条 本办法适用于本省行政区域内的社区助餐服务。",
                 "url":"https://smzt.gd.gov.cn/zjdc/1.html","opensAt":"%s","closesAt":"%s"}"""
                .formatted(UUID.randomUUID(), now.minusMinutes(1), now.plusDays(10)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestHub.json(created).get("id").asText();
    }

    private static String lastText(String phone) {
        List<JsonNode> all = new java.util.ArrayList<>();
        new Pushes(hub).sentTo(phone).forEach(all::add);
        return all.isEmpty() ? "" : all.get(all.size() - 1).get("text").asText();
    }

    private static int fontSize() {
        return Integer.parseInt(((String) ((ChromeDriver) browser).executeScript(
                "return getComputedStyle(document.documentElement).fontSize")).replace("px", ""));
    }

    /** The text of an element of the page a click leads to (until it loads, the element may be the old page's). */
    private static void awaitText(String css, String expected) {
        Awaitility.await().ignoreExceptions().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(text(css)).contains(expected));
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static void shot(String name) {
        File png = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
