package org.sunshinehub.channel.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sunshinehub.support.Pushes;
import org.sunshinehub.support.TestHub;

/** The app channel end to end: the app backend's API, and pushes through JPush's wire protocol to the sandbox. */
class AppChannelIntegrationTests {

    private final TestHub hub = TestHub.shared();

    @Test
    void theAppBackendRegistersDevicesAndSendsFeedbackWithItsOwnKey() {
        HttpResponse<String> registered = app("PUT", "/api/app/devices/1a0018970a1b2c3d",
                "{\"topics\":[\"养老\",\"救助\"]}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(app("PUT", "/api/app/devices/1a0018970a1b2c3d", "{\"topics\":[\"救助\"]}").body()).contains("救助")
                .doesNotContain("养老");
        assertThat(TestHub.json(app("GET", "/api/app/devices/1a0018970a1b2c3d", null)).get("topics").toString())
                .isEqualTo("[\"救助\"]");

        String item = new Pushes(hub).approvedItem("关于应用反馈的公告");
        String opinion = "{\"registrationId\":\"1a0018970a1b2c3d\",\"itemId\":\"" + item + "\",\"text\":\"建议简化申请材料\",\"clientId\":\"c-1\"}";
        assertThat(app("POST", "/api/app/feedback", opinion).statusCode()).isEqualTo(201);
        assertThat(app("POST", "/api/app/feedback", opinion).statusCode()).isEqualTo(200);
        assertThat(TestHub.json(hub.get("/api/feedback?itemId=" + item)).at("/feedback/0/channel").asText()).isEqualTo("app");
        assertThat(app("POST", "/api/app/feedback", "{\"registrationId\":\"unknown0001\",\"text\":\"x\",\"clientId\":\"c\"}")
                .statusCode()).isEqualTo(404);
        assertThat(app("POST", "/api/app/feedback", "{\"registrationId\":\"1a0018970a1b2c3d\"}").body())
                .contains("clientId", "text");

        // A known key of the wrong kind is authenticated but forbidden there.
        assertThat(hub.send(hub.request("/api/app/devices/1a0018970a1b2c3d")).statusCode()).isEqualTo(403);
        assertThat(hub.send(HttpRequest.newBuilder(hub.request("/api/items").build().uri())
                .header("X-Api-Key", TestHub.APP_KEY)).statusCode()).isEqualTo(403);

        assertThat(app("DELETE", "/api/app/devices/1a0018970a1b2c3d", null).statusCode()).isEqualTo(204);
        assertThat(TestHub.json(app("GET", "/api/app/devices/1a0018970a1b2c3d", null)).get("optedOut").asBoolean()).isTrue();
    }

    @Test
    void aRetryAfterATimeoutReusesItsCidAndTheDeviceGetsOneNotification() {
        app("PUT", "/api/app/devices/timeout0001", "{\"topics\":[\"超时话题\"]}");
        faults("{\"slowMillis\":2500,\"times\":1}");
        String plan = plan(new Pushes(hub).approvedItem("关于应用推送超时的公告"), "超时话题");
        awaitCount(plan, "SENT", 1);
        JsonNode got = messages("timeout0001");
        assertThat(got).hasSize(1);
        assertThat(got.get(0).get("alert").asText()).contains("关于应用推送超时的公告");
        assertThat(got.get(0).get("cid").asText()).startsWith(hub.property("sunshine.app.jpush.app-key") + "-");
    }

    @Test
    void anUnknownDeviceFailsAndIsMarkedWhileRefusedCredentialsHoldTheChannelAndAlert() {
        app("PUT", "/api/app/devices/gone000001", "{\"topics\":[\"失效话题\"]}");
        faults("{\"unknownRegistrationIds\":[\"gone000001\"]}");
        String gone = plan(new Pushes(hub).approvedItem("关于失效设备的公告"), "失效话题");
        awaitCount(gone, "FAILED", 1);
        assertThat(TestHub.json(app("GET", "/api/app/devices/gone000001", null)).get("optedOut").asBoolean()).isTrue();

        app("PUT", "/api/app/devices/held000001", "{\"topics\":[\"暂停话题\"]}");
        faults("{\"code\":1004,\"times\":1}");
        String held = plan(new Pushes(hub).approvedItem("关于渠道暂停的公告"), "暂停话题");
        Awaitility.await().atMost(TestHub.PATIENCE).until(() ->
                TestHub.json(hub.get("/api/overview")).get("channelAlerts").toString().contains("\"source\":\"app\""));
        awaitCount(held, "SENT", 1);
        Awaitility.await().atMost(TestHub.PATIENCE).until(() ->
                TestHub.json(hub.get("/api/overview")).get("channelAlerts").isEmpty());
        assertThat(messages("held000001")).hasSize(1);
    }

    private HttpResponse<String> app(String method, String path, String json) {
        return hub.send(HttpRequest.newBuilder(hub.request(path).build().uri()).header("X-Api-Key", TestHub.APP_KEY)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    private String plan(String item, String topic) {
        HttpResponse<String> created = hub.post("/api/plans",
                "{\"itemId\":\"" + item + "\",\"channels\":[\"app\"],\"audience\":{\"topics\":[\"" + topic + "\"]}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestHub.json(created).get("id").asText();
    }

    private void awaitCount(String plan, String state, long expected) {
        Awaitility.await().atMost(TestHub.PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(TestHub.json(hub.get("/api/plans/" + plan)).at("/counts/app/" + state).asLong())
                        .as(hub.get("/api/plans/" + plan).body()).isEqualTo(expected));
    }

    private JsonNode messages(String registrationId) {
        return TestHub.json(hub.sandbox("GET", "/admin/jpush/messages?registrationId=" + registrationId, null)).get("messages");
    }

    private void faults(String json) {
        assertThat(hub.sandbox("POST", "/admin/jpush/faults", json).statusCode()).isEqualTo(200);
    }
}
