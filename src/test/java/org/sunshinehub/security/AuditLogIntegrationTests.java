package org.sunshinehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.support.ConsoleClient;
import org.sunshinehub.support.TestHub;

/** Every staff action lands in the audit log once, under the signed-in account; nothing can change the log. */
class AuditLogIntegrationTests {

    private final TestHub hub = TestHub.shared();
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void everyStaffActionAppearsOnceUnderItsAccount() {
        String publisher = hub.staff("au-pub-" + suffix, Set.of(Role.PUBLISHER), List.of(), null);
        String reviewer = hub.staff("au-rev-" + suffix, Set.of(Role.REVIEWER), List.of("初审"), null);
        String responder = hub.staff("au-res-" + suffix, Set.of(Role.RESPONDER), List.of(), null);
        String auditor = hub.staff("au-aud-" + suffix, Set.of(Role.AUDITOR), List.of(), null);

        // Sign-in, a failed one, and a password change in the console.
        ConsoleClient console = new ConsoleClient(hub);
        console.signIn(publisher, "wrong-password");
        console.signIn(publisher, TestHub.STAFF_PASSWORD);
        console.post("/password", "/password", Map.of("current", TestHub.STAFF_PASSWORD, "next", "publisher-own-1",
                "repeat", "publisher-own-1"));
        // Back to the shared test password, for the API calls below.
        hub.bean(StaffAccounts.class).changePassword(publisher, "publisher-own-1", TestHub.STAFF_PASSWORD);

        // A review, a plan created and cancelled, over the API as the accounts themselves.
        String item = TestHub.json(hub.post("/api/intake/disclosures", """
                {"source":"oa","sourceId":"%s","title":"关于审计日志验证的通知"}""".formatted(UUID.randomUUID()))).get("id").asText();
        assertThat(hub.postAs(reviewer, "/api/items/" + item + "/reviews", "{\"level\":\"初审\",\"decision\":\"approve\"}")
                .statusCode()).isEqualTo(200);
        String sendAt = OffsetDateTime.ofInstant(hub.clock().instant(), SunshineHubApplication.ZONE).plusDays(1).toString();
        HttpResponse<String> plan = hub.postAs(publisher, "/api/plans", """
                {"itemId":"%s","channels":["sms"],"audience":{"all":true},"sendAt":"%s"}""".formatted(item, sendAt));
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
        String planId = TestHub.json(plan).get("id").asText();
        assertThat(hub.postAs(publisher, "/api/plans/" + planId + "/cancel", "{}").statusCode()).isEqualTo(200);

        // A WeChat follower's message answered; an opinion task assigned, acknowledged and responded to.
        String openId = "oAudit" + suffix;
        hub.sandbox("POST", "/admin/wechat/follower", "{\"account\":\"gov\",\"openid\":\"" + openId + "\",\"event\":\"subscribe\"}");
        hub.sandbox("POST", "/admin/wechat/follower", "{\"account\":\"gov\",\"openid\":\"" + openId
                + "\",\"text\":\"请问低保怎么申请" + suffix + "\",\"msgId\":" + (7100000000000000000L + suffix.hashCode() % 1000000) + "}");
        String feedback = Awaitility.await().atMost(Duration.ofSeconds(20)).until(this::feedbackFromFollower, id -> id != null);
        HttpResponse<String> answered = hub.postAs(responder, "/api/feedback/" + feedback + "/answer", "{\"text\":\"请到街道办申请\"}");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        String task = TestHub.json(hub.post("/api/intake/opinion-monitor", """
                {"alertId":"%s","topic":"养老院收费投诉","level":"一般","platform":"微博","detectedAt":"%s"}"""
                .formatted(UUID.randomUUID(), OffsetDateTime.ofInstant(hub.clock().instant(), SunshineHubApplication.ZONE))))
                .get("id").asText();
        assertThat(hub.postAs(responder, "/api/opinion-tasks/" + task + "/assign", "{\"division\":\"elderly-care\"}")
                .statusCode()).isEqualTo(200);
        assertThat(hub.postAs(responder, "/api/opinion-tasks/" + task + "/ack", "{\"by\":\"冒名\"}").statusCode()).isEqualTo(200);
        JsonNode responded = TestHub.json(hub.postAs(responder, "/api/opinion-tasks/" + task + "/respond",
                "{\"text\":\"已核查并回应\"}"));

        assertThat(responded.get("ackBy").asText()).as("the signed-in account, not the body").isEqualTo(responder + " 测试");
        assertThat(actions(auditor, publisher)).containsExactlyInAnyOrder("SIGN_IN_FAILED", "SIGN_IN", "PASSWORD_CHANGE",
                "PLAN_CREATE", "PLAN_CANCEL");
        assertThat(actions(auditor, reviewer)).containsExactly("REVIEW");
        assertThat(actions(auditor, responder)).containsExactlyInAnyOrder("FEEDBACK_ANSWER", "TASK_ASSIGN", "TASK_ACK",
                "TASK_RESPOND");
        JsonNode signIn = first(events(auditor, publisher), "SIGN_IN");
        assertThat(signIn.get("clientAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(signIn.get("at").asText()).endsWith("+08:00");
        assertThat(first(events(auditor, reviewer), "REVIEW").get("object").asText()).isEqualTo("item:" + item);
    }

    @Test
    void theAuditLogCannotBeChangedThroughAnyApiAndIsReadOnlyByAdminAndAuditor() {
        String auditor = hub.staff("au-ro-" + suffix, Set.of(Role.AUDITOR), List.of(), null);
        String publisher = hub.staff("au-ro-pub-" + suffix, Set.of(Role.PUBLISHER), List.of(), null);
        new ConsoleClient(hub).signIn(auditor, "wrong-password");
        JsonNode before = TestHub.json(hub.send(hub.requestAs(auditor, "/api/audit-events?size=100")));
        String id = before.get("events").get(0).get("id").asText();

        List<Integer> attempts = new ArrayList<>();
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            for (String path : List.of("/api/audit-events", "/api/audit-events/" + id)) {
                attempts.add(hub.send(hub.requestAs(auditor, path).header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString("{\"account\":\"someone-else\"}"))).statusCode());
            }
        }

        assertThat(attempts).allMatch(status -> status == 404 || status == 405);
        JsonNode after = TestHub.json(hub.send(hub.requestAs(auditor, "/api/audit-events?size=100")));
        assertThat(after.get("events").get(0)).isEqualTo(before.get("events").get(0));
        assertThat(hub.send(hub.requestAs(publisher, "/api/audit-events")).statusCode()).isEqualTo(403);
        assertThat(hub.get("/api/audit-events").statusCode()).as("an API key is no account").isEqualTo(403);
    }

    private String feedbackFromFollower() {
        for (JsonNode f : TestHub.json(hub.get("/api/feedback?channel=wechat&size=100")).get("feedback")) {
            if (f.get("text").asText().equals("请问低保怎么申请" + suffix)) {
                return f.get("sourceKey").asText();
            }
        }
        return null;
    }

    private JsonNode events(String auditor, String account) {
        return TestHub.json(hub.send(hub.requestAs(auditor, "/api/audit-events?size=100&account=" + account))).get("events");
    }

    private List<String> actions(String auditor, String account) {
        return events(auditor, account).findValuesAsText("action");
    }

    private static JsonNode first(JsonNode events, String action) {
        for (JsonNode e : events) {
            if (e.get("action").asText().equals(action)) {
                return e;
            }
        }
        throw new AssertionError("no " + action + " in " + events);
    }
}
