package org.sunshinehub.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Steps the push tests share: subscribers by CSV, approved items, plans, and what the sandbox received. */
public final class Pushes {

    private final TestHub hub;

    public Pushes(TestHub hub) {
        this.hub = hub;
    }

    /** Imports {@code n} subscribers on {@code topic}; phones are {@code prefix} followed by a counter. */
    public List<String> subscribers(String prefix, int n, String topic) {
        StringBuilder csv = new StringBuilder("phone,topics\n");
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String phone = prefix + String.format("%0" + (11 - prefix.length()) + "d", i);
            phones.add(phone);
            csv.append(phone).append(',').append(topic).append('\n');
        }
        HttpResponse<String> report = hub.send(hub.request("/api/subscribers/import").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())));
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(TestHub.json(report).get("created").asLong()).isEqualTo(n);
        return phones;
    }

    /** A disclosure from the pre-approved website source: APPROVED on arrival. */
    public String approvedItem(String title) {
        HttpResponse<String> created = hub.post("/api/intake/disclosures", """
                {"source":"website","sourceId":"%s","title":"%s","issuer":"广东省民政厅","category":"社会救助"}
                """.formatted(UUID.randomUUID(), title));
        assertThat(TestHub.json(created).get("state").asText()).isEqualTo("APPROVED");
        return TestHub.json(created).get("id").asText();
    }

    public JsonNode plan(String itemId, String topic, String extra) {
        HttpResponse<String> created = hub.post("/api/plans", """
                {"itemId":"%s","channels":["sms"],"audience":{"topics":["%s"]}%s}
                """.formatted(itemId, topic, extra.isEmpty() ? "" : "," + extra));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestHub.json(created);
    }

    public long count(String planId, String state) {
        JsonNode sms = TestHub.json(hub.get("/api/plans/" + planId)).path("counts").path("sms");
        return sms.path(state).asLong(0);
    }

    public void awaitCount(String planId, String state, long expected, Duration within) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(count(planId, state)).as(hub.get("/api/plans/" + planId).body())
                        .isEqualTo(expected));
    }

    /** Messages the sandbox accepted for this phone. */
    public JsonNode sentTo(String phone) {
        return TestHub.json(hub.sandbox("GET", "/admin/sms?phone=" + phone, null)).get("messages");
    }

    public void faults(String json) {
        assertThat(hub.sandbox("POST", "/admin/faults", json).statusCode()).isEqualTo(200);
    }

    /** A citizen on all four channels' reach: a WeChat follower with a phone, and an app device, on {@code topic}. */
    public void citizenOnEveryChannel(String openId, String phone, String registrationId, String topic) {
        hub.sandbox("POST", "/admin/wechat/follower", "{\"account\":\"gov\",\"openid\":\"" + openId
                + "\",\"event\":\"subscribe\"}");
        assertThat(hub.post("/api/subscribers", "{\"phone\":\"" + phone + "\",\"wechatOpenId\":\"" + openId
                + "\",\"topics\":[\"" + topic + "\"]}").statusCode()).isLessThan(300);
        assertThat(hub.send(HttpRequest.newBuilder(hub.request("/api/app/devices/" + registrationId).build().uri())
                .header("X-Api-Key", TestHub.APP_KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"topics\":[\"" + topic + "\"]}"))).statusCode())
                .isEqualTo(200);
    }

    /** Plans the item on all four channels for {@code topic} and waits until each has reached its one citizen. */
    public void pushOnEveryChannel(String itemId, String topic) {
        HttpResponse<String> created = hub.post("/api/plans", "{\"itemId\":\"" + itemId
                + "\",\"channels\":[\"sms\",\"wechat\",\"app\",\"weibo\"],\"audience\":{\"topics\":[\"" + topic + "\"]}}");
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
