package org.sunshinehub.audience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.sunshinehub.support.TestHub;

class SubscriberApiIntegrationTests {

    private final TestHub hub = TestHub.shared();

    @Test
    void registrationsWithTheSameIdentityMergeAndPhonesAreNormalised() {
        HttpResponse<String> first = hub.post("/api/subscribers", "{\"phone\":\"+86 136-0000-0001\",\"topics\":[\"养老服务\"]}");
        HttpResponse<String> again = hub.post("/api/subscribers",
                "{\"phone\":\"13600000001\",\"wechatOpenId\":\"oAbC_123-x\",\"topics\":[\"社会救助\"]}");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode merged = TestHub.json(again);
        assertThat(merged.get("id").asText()).isEqualTo(TestHub.json(first).get("id").asText());
        assertThat(merged.get("phone").asText()).isEqualTo("13600000001");
        assertThat(merged.get("wechatOpenId").asText()).isEqualTo("oAbC_123-x");
        assertThat(merged.get("topics").toString()).isEqualTo("[\"养老服务\",\"社会救助\"]");
        JsonNode byOpenId = TestHub.json(hub.get("/api/subscribers?wechatOpenId=oAbC_123-x")).get("subscribers");
        assertThat(byOpenId).hasSize(1);
    }

    @Test
    void invalidRegistrationsAre400WithTheField() {
        HttpResponse<String> badPhone = hub.post("/api/subscribers", "{\"phone\":\"12345\"}");
        HttpResponse<String> nothing = hub.post("/api/subscribers", "{\"topics\":[\"养老服务\"]}");
        HttpResponse<String> unknown = hub.post("/api/subscribers", "{\"phone\":\"13600000009\",\"email\":\"a@b\"}");

        assertThat(badPhone.statusCode()).isEqualTo(400);
        assertThat(TestHub.json(badPhone).get("fields").has("phone")).isTrue();
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(TestHub.json(unknown).get("detail").asText()).contains("email");
    }

    @Test
    void anOptOutSurvivesReRegistrationUntilTheCitizenOptsInAgain() {
        String id = TestHub.json(hub.post("/api/subscribers", "{\"phone\":\"13600000002\"}")).get("id").asText();

        hub.send(hub.request("/api/subscribers/" + id + "/channels/sms").DELETE());
        JsonNode reRegistered = TestHub.json(hub.post("/api/subscribers", "{\"phone\":\"13600000002\",\"topics\":[\"t\"]}"));
        JsonNode optedIn = TestHub.json(hub.post("/api/subscribers", "{\"phone\":\"13600000002\",\"optIn\":true}"));

        assertThat(reRegistered.get("optedOut").has("sms")).isTrue();
        assertThat(optedIn.get("optedOut").has("sms")).isFalse();
        assertThat(hub.send(hub.request("/api/subscribers/" + id + "/channels/fax").DELETE()).statusCode()).isEqualTo(400);
        assertThat(hub.send(hub.request("/api/subscribers/0123456789abcdef01234567/channels/sms").DELETE()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void csvImportReportsEachRejectedRowAndNeverClearsAnOptOut() {
        String id = TestHub.json(hub.post("/api/subscribers", "{\"phone\":\"13600000003\"}")).get("id").asText();
        hub.send(hub.request("/api/subscribers/" + id + "/channels/sms").DELETE());
        String csv = """
                phone,topics
                13600000004,养老服务;社会救助
                not-a-phone,养老服务

                13600000003,养老服务
                ,养老服务
                """;

        JsonNode report = TestHub.json(hub.send(hub.request("/api/subscribers/import").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv))));

        assertThat(report.get("rows").asLong()).isEqualTo(4);
        assertThat(report.get("created").asLong()).isEqualTo(1);
        assertThat(report.get("merged").asLong()).isEqualTo(1);
        assertThat(report.get("rejected").asLong()).isEqualTo(2);
        assertThat(report.get("errors").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(TestHub.json(hub.get("/api/subscribers/" + id)).get("optedOut").has("sms")).isTrue();
        HttpResponse<String> badHeader = hub.send(hub.request("/api/subscribers/import").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("mobile,topics\n1,2\n")));
        assertThat(badHeader.statusCode()).isEqualTo(400);
    }
}
