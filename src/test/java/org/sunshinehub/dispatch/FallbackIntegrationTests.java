package org.sunshinehub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sunshinehub.support.Pushes;
import org.sunshinehub.support.TestHub;

/** A fallback plan: each citizen gets the item once, on the first channel that works for them. */
class FallbackIntegrationTests {

    @Test
    void whoeverWechatCannotReachGetsTheSmsInsteadAndNobodyGetsItTwice() {
        TestHub hub = TestHub.shared();
        Pushes pushes = new Pushes(hub);
        hub.sandbox("POST", "/admin/wechat/follower", "{\"account\":\"gov\",\"openid\":\"oFallbackA\",\"event\":\"subscribe\"}");
        register(hub, "{\"phone\":\"13700000001\",\"wechatOpenId\":\"oFallbackA\",\"topics\":[\"补发话题\"]}");
        register(hub, "{\"phone\":\"13700000002\",\"wechatOpenId\":\"oFallbackB\",\"topics\":[\"补发话题\"]}");
        register(hub, "{\"phone\":\"13700000003\",\"topics\":[\"补发话题\"]}");
        String d = register(hub, "{\"phone\":\"13700000004\",\"wechatOpenId\":\"oFallbackD\",\"topics\":[\"补发话题\"]}");
        assertThat(hub.send(hub.request("/api/subscribers/" + d + "/channels/sms").DELETE()).statusCode()).isLessThan(300);

        HttpResponse<String> created = hub.post("/api/plans", """
                {"itemId":"%s","fallback":["wechat","sms"],"audience":{"topics":["补发话题"]},"urgent":true}
                """.formatted(pushes.approvedItem("关于补发测试的通知")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String plan = TestHub.json(created).get("id").asText();

        Awaitility.await().atMost(TestHub.PATIENCE).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonNode view = TestHub.json(hub.get("/api/plans/" + plan));
            assertThat(view.at("/counts/wechat/DELIVERED").asLong()).as(view.toString()).isEqualTo(1);
            assertThat(view.at("/counts/wechat/FAILED").asLong()).as(view.toString()).isEqualTo(2);
            assertThat(view.at("/counts/sms/DELIVERED").asLong()).as(view.toString()).isEqualTo(2);
            assertThat(view.at("/reachedByFallback/sms").asLong()).as(view.toString()).isEqualTo(1);
        });
        // Complete once the fallback deliveries are final: no check left open on either channel.
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                TestHub.json(hub.get("/api/plans/" + plan)).get("state").asText()).isEqualTo("COMPLETED"));
        assertThat(pushes.sentTo("13700000001")).isEmpty();
        assertThat(pushes.sentTo("13700000002")).hasSize(1);
        assertThat(pushes.sentTo("13700000003")).hasSize(1);
        assertThat(pushes.sentTo("13700000004")).isEmpty();
    }

    @Test
    void aFallbackPlanNeedsTwoPersonalChannelsAndNoChannelList() {
        TestHub hub = TestHub.shared();
        String item = new Pushes(hub).approvedItem("关于补发校验的通知");
        HttpResponse<String> weibo = hub.post("/api/plans",
                "{\"itemId\":\"" + item + "\",\"fallback\":[\"weibo\",\"sms\"],\"audience\":{\"all\":true}}");
        assertThat(weibo.statusCode()).isEqualTo(400);
        assertThat(weibo.body()).contains("微博");
        HttpResponse<String> both = hub.post("/api/plans",
                "{\"itemId\":\"" + item + "\",\"channels\":[\"sms\"],\"fallback\":[\"wechat\",\"sms\"],\"audience\":{\"all\":true}}");
        assertThat(both.statusCode()).isEqualTo(400);
    }

    private static String register(TestHub hub, String json) {
        HttpResponse<String> r = hub.send(hub.request("/api/subscribers").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(r.statusCode()).as(r.body()).isLessThan(300);
        return TestHub.json(r).get("id").asText();
    }
}
