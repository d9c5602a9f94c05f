package org.sunshinehub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sunshinehub.support.TestHub;

/** One plan on all four channels: a Weibo post, an app push, a WeChat template message and an SMS. */
class AllChannelsIntegrationTests {

    @Test
    void anItemPlannedOnAllFourChannelsReachesEachOnce() {
        TestHub hub = TestHub.shared();
        hub.sandbox("POST", "/admin/wechat/follower", "{\"account\":\"gov\",\"openid\":\"oAllFour\",\"event\":\"subscribe\"}");
        assertThat(hub.post("/api/subscribers", "{\"phone\":\"13790000001\",\"wechatOpenId\":\"oAllFour\",\"topics\":[\"四渠道\"]}")
                .statusCode()).isLessThan(300);
        assertThat(hub.send(HttpRequest.newBuilder(hub.request("/api/app/devices/allfour0001").build().uri())
                .header("X-Api-Key", TestHub.APP_KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"topics\":[\"四渠道\"]}"))).statusCode()).isEqualTo(200);
        String item = TestHub.json(hub.post("/api/intake/disclosures", """
                {"source":"website","sourceId":"%s","title":"关于四渠道同步发布的公告","issuer":"广东省民政厅",
                 "url":"https://smzt.gd.gov.cn/zwgk/allfour.html"}""".formatted(UUID.randomUUID()))).get("id").asText();

        HttpResponse<String> created = hub.post("/api/plans", "{\"itemId\":\"" + item
                + "\",\"channels\":[\"sms\",\"wechat\",\"app\",\"weibo\"],\"audience\":{\"topics\":[\"四渠道\"]}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String plan = TestHub.json(created).get("id").asText();
        Awaitility.await().atMost(TestHub.PATIENCE).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonNode counts = TestHub.json(hub.get("/api/plans/" + plan)).get("counts");
            assertThat(counts.at("/sms/DELIVERED").asLong()).as(counts.toString()).isEqualTo(1);
            assertThat(counts.at("/wechat/DELIVERED").asLong()).as(counts.toString()).isEqualTo(1);
            assertThat(counts.at("/app/SENT").asLong()).as(counts.toString()).isEqualTo(1);
            assertThat(counts.at("/weibo/SENT").asLong()).as(counts.toString()).isEqualTo(1);
        });
    }
}
