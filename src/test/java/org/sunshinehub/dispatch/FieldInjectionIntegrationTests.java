package org.sunshinehub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.sunshinehub.support.Pushes;
import org.sunshinehub.support.TestHub;

/** An item whose fields carry line breaks, a forged field, terminal escapes and NUL, pushed on all four channels. */
@ExtendWith(OutputCaptureExtension.class)
class FieldInjectionIntegrationTests {

    private static final String EVIL = "https://evil.example/phish";

    @Test
    void injectedLinesNeitherAddNorReplaceFieldsOnAnyChannelNorForgeALogLine(CapturedOutput output) {
        // Given a subscriber on every channel and an item whose issuer and title try to add lines
        TestHub hub = TestHub.shared();
        Pushes pushes = new Pushes(hub);
        pushes.citizenOnEveryChannel("oInject", "13790000077", "inject00001", "注入");
        String issuer = "广东省民政厅\\nurl: " + EVIL + "\\nkeyword1: 伪造标题\\ntitle: 伪造\\nalert: 伪造";
        String title = "关于注入测试的公告\\r\\n2026-12-01T09:00:00.000+08:00  INFO 1 --- [main] forged : 伪造日志\\u001b[31m\\u0000";
        HttpResponse<String> intake = hub.post("/api/intake/disclosures", """
                {"source":"website","sourceId":"%s","title":"%s","issuer":"%s",
                 "url":"https://smzt.gd.gov.cn/zwgk/inject.html"}""".formatted(UUID.randomUUID(), title, issuer));
        assertThat(intake.statusCode()).as(intake.body()).isEqualTo(201);
        String item = TestHub.json(intake).get("id").asText();

        // When it is pushed on SMS, WeChat, the app and Weibo
        pushes.pushOnEveryChannel(item, "注入");

        // Then WeChat's template message keeps its own link and title, the injected text stays inside "first"
        JsonNode wechat = last(hub, "/admin/wechat/messages?openid=oInject", "messages");
        assertThat(wechat.toString()).doesNotContain("\\n", "\\r", "\\u001b", "\\u0000");
        assertThat(wechat.path("url").asText()).isEqualTo("https://smzt.gd.gov.cn/zwgk/inject.html");
        assertThat(wechat.at("/data/keyword1/value").asText()).startsWith("关于注入测试的公告 2026-12-01");
        assertThat(wechat.at("/data/first/value").asText()).contains("url: " + EVIL);
        // And the app notification keeps its title and link
        JsonNode app = last(hub, "/admin/jpush/messages?registrationId=inject00001", "messages");
        assertThat(app.toString()).doesNotContain("\\n", "\\r", "\\u001b", "\\u0000", "\"title\":\"伪造");
        assertThat(app.at("/extras/url").asText()).isEqualTo("https://smzt.gd.gov.cn/zwgk/inject.html");
        assertThat(app.path("title").asText()).startsWith("广东省民政厅 url: ");
        // And the SMS parameters and the Weibo post are single lines without controls
        JsonNode sms = last(hub, "/admin/sms?phone=13790000077", "messages");
        assertThat(sms.toString()).doesNotContain("\\n", "\\r", "\\u001b", "\\u0000");
        JsonNode post = last(hub, "/admin/weibo/posts?account=gov", "posts");
        assertThat(post.toString()).contains("关于注入测试的公告").doesNotContain("\\n", "\\r", "\\u001b", "\\u0000");
        // And no log line was forged
        assertThat(output.getOut().lines().filter(l -> l.contains("forged : 伪造日志")))
                .isNotEmpty().allMatch(l -> l.contains("Received DISCLOSURE") || !l.startsWith("2026-12-01T09:00:00.000"));
        assertThat(output.getOut()).doesNotContain("\u001b[31m", "\u0000");
    }

    private static JsonNode last(TestHub hub, String path, String list) {
        JsonNode all = TestHub.json(hub.sandbox("GET", path, null)).get(list);
        assertThat(all.size()).as(path).isPositive();
        return all.get(all.size() - 1);
    }
}
