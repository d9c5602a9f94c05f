package org.sunshinehub.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sunshinehub.security.Role;
import org.sunshinehub.support.Pushes;
import org.sunshinehub.support.TestHub;

/**
 * A plan's life after it fires: it completes when its last delivery is final, says what a second plan of the same
 * item leaves out, resends what failed, and a citizen's deliveries can be traced. Blocks of 10, so every push spans
 * several blocks. Each test uses its own topic.
 */
class PlanLifecycleIntegrationTests {

    private static TestHub hub;
    private static Pushes pushes;

    @BeforeAll
    static void start() {
        hub = TestHub.start("--sunshine.dispatch.channels.sms.batch-size=10");
        pushes = new Pushes(hub);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @AfterEach
    void clearFaults() {
        pushes.faults("{}");
    }

    @Test
    void aPlanCompletesExactlyWhenItsLastDeliveryIsFinal() {
        List<String> phones = pushes.subscribers("1371001", 25, "l-complete");
        // Slow sends, so the plan is seen under way before it completes.
        pushes.faults("{\"undeliveredNumbers\": [\"" + phones.get(7) + "\"], \"slowMillis\": 500}");
        String plan = pushes.plan(pushes.approvedItem("关于规范临时救助工作的通知"), "l-complete", "").get("id").asText();

        AtomicBoolean sawItUnderWay = new AtomicBoolean();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode view = TestHub.json(hub.get("/api/plans/" + plan + "/progress"));
            JsonNode counts = view.at("/channels/0/counts");
            long open = counts.path("PENDING").asLong(0) + counts.path("SENT").asLong(0);
            if (open > 0) {
                assertThat(view.get("state").asText()).as(view.toString()).isNotEqualTo("COMPLETED");
                sawItUnderWay.set(true);
            }
            assertThat(view.get("state").asText()).as(view.toString()).isEqualTo("COMPLETED");
            assertThat(counts.path("DELIVERED").asLong()).isEqualTo(24);
            assertThat(counts.path("UNDELIVERED").asLong()).isEqualTo(1);
        });
        assertThat(sawItUnderWay).isTrue();
        JsonNode view = TestHub.json(hub.get("/api/plans/" + plan));
        assertThat(view.at("/moves").fieldNames()).toIterable()
                .containsExactly("SCHEDULED", "FANNING_OUT", "SENDING", "COMPLETED");
        assertThat(view.at("/progress/0/audienceFound").asLong()).isEqualTo(25);
        assertThat(view.at("/progress/0/fannedOut").asLong()).isEqualTo(25);
    }

    @Test
    void aRestartDoesNotTouchACompletedPlan() {
        List<String> phones = pushes.subscribers("1371002", 5, "l-restart");
        String plan = pushes.plan(pushes.approvedItem("关于公布养老服务补贴名单的公告"), "l-restart", "").get("id").asText();
        awaitState(plan, "COMPLETED");
        JsonNode before = TestHub.json(hub.get("/api/plans/" + plan));
        assertThat(phones).allSatisfy(p -> assertThat(pushes.sentTo(p)).hasSize(1));

        hub.restart();

        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode after = TestHub.json(hub.get("/api/plans/" + plan));
            assertThat(after.get("moves")).isEqualTo(before.get("moves"));
            assertThat(after.get("counts")).isEqualTo(before.get("counts"));
        });
        // The sandbox restarted with the hub: whatever it holds now, the restarted hub sent.
        assertThat(phones).allSatisfy(p -> assertThat(pushes.sentTo(p)).isEmpty());
    }

    @Test
    void aSecondPlanForAnItemSaysWhoItSkipsAndIsRefusedWhenNobodyIsLeft() {
        List<String> first = pushes.subscribers("1371003", 6, "l-again");
        String item = pushes.approvedItem("关于调整最低工资标准的通知");
        String plan = pushes.plan(item, "l-again", "").get("id").asText();
        awaitState(plan, "COMPLETED");

        HttpResponse<String> nobodyLeft = hub.post("/api/plans",
                "{\"itemId\":\"" + item + "\",\"channels\":[\"sms\"],\"audience\":{\"topics\":[\"l-again\"]}}");
        List<String> added = pushes.subscribers("1371004", 3, "l-again");
        JsonNode second = pushes.plan(item, "l-again", "");

        assertThat(nobodyLeft.statusCode()).isEqualTo(409);
        assertThat(TestHub.json(nobodyLeft).get("detail").asText()).contains("sms 跳过 6 人", plan);
        assertThat(second.at("/skipped/sms/count").asLong()).isEqualTo(6);
        assertThat(second.at("/skipped/sms/reason").asText()).contains("6 人已通过推送计划 " + plan + " 收到");
        awaitState(second.get("id").asText(), "COMPLETED");
        assertThat(first).allSatisfy(p -> assertThat(pushes.sentTo(p)).hasSize(1));
        assertThat(added).allSatisfy(p -> assertThat(pushes.sentTo(p)).hasSize(1));
    }

    @Test
    void resendFailedSendsOnceMoreToTheFailedOnly() {
        List<String> phones = pushes.subscribers("1371005", 12, "l-resend");
        pushes.faults("{\"invalidNumbers\": [\"" + phones.get(2) + "\"], \"undeliveredNumbers\": [\"" + phones.get(9) + "\"]}");
        String plan = pushes.plan(pushes.approvedItem("关于困难群众冬季救助的通知"), "l-resend", "").get("id").asText();
        awaitState(plan, "COMPLETED");
        assertThat(pushes.count(plan, "FAILED")).isEqualTo(1);
        pushes.faults("{}");

        JsonNode resent = TestHub.json(hub.post("/api/plans/" + plan + "/resend-failed", ""));

        assertThat(resent.get("requeued").asLong()).isEqualTo(2);
        pushes.awaitCount(plan, "DELIVERED", 12, Duration.ofSeconds(20));
        awaitState(plan, "COMPLETED");
        assertThat(TestHub.json(hub.post("/api/plans/" + plan + "/resend-failed", "")).get("requeued").asLong()).isZero();
        assertThat(pushes.sentTo(phones.get(2))).hasSize(1);
        assertThat(pushes.sentTo(phones.get(9))).hasSize(2);
        assertThat(phones.stream().filter(p -> !p.equals(phones.get(2)) && !p.equals(phones.get(9))))
                .allSatisfy(p -> assertThat(pushes.sentTo(p)).hasSize(1));
    }

    @Test
    void resendFailedIsAuditedWithTheActorThePlanAndHowManyWereQueued() {
        String publisher = hub.staff("l-resend-pub", Set.of(Role.PUBLISHER), List.of(), null);
        String auditor = hub.staff("l-resend-aud", Set.of(Role.AUDITOR), List.of(), null);
        List<String> phones = pushes.subscribers("1371007", 3, "l-resend-audit");
        pushes.faults("{\"undeliveredNumbers\": [\"" + phones.get(1) + "\"]}");
        String plan = pushes.plan(pushes.approvedItem("关于重发审计测试的通知"), "l-resend-audit", "").get("id").asText();
        awaitState(plan, "COMPLETED");

        HttpResponse<String> resent = hub.postAs(publisher, "/api/plans/" + plan + "/resend-failed", "{}");

        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
        JsonNode events = TestHub.json(hub.send(hub.requestAs(auditor, "/api/audit-events?size=100&account=" + publisher)))
                .get("events");
        assertThat(events).filteredOn(e -> e.get("action").asText().equals("PLAN_RESEND")).singleElement()
                .satisfies(e -> {
                    assertThat(e.get("object").asText()).isEqualTo("plan:" + plan);
                    assertThat(e.get("detail").asText()).contains("1 条");
                });
    }

    @Test
    void aCitizensDeliveriesAreTracedWithTheirAddressMasked() {
        List<String> phones = pushes.subscribers("1371006", 3, "l-trace");
        String item = pushes.approvedItem("关于开展消费券发放活动的公告");
        String plan = pushes.plan(item, "l-trace", "").get("id").asText();
        awaitState(plan, "COMPLETED");

        HttpResponse<String> trace = hub.get("/api/deliveries?phone=" + phones.get(1));
        HttpResponse<String> ofItem = hub.get("/api/deliveries?phone=" + phones.get(1) + "&itemId=" + item);
        HttpResponse<String> otherItem = hub.get("/api/deliveries?phone=" + phones.get(1) + "&itemId=no-such-item");

        assertThat(trace.statusCode()).as(trace.body()).isEqualTo(200);
        JsonNode delivery = TestHub.json(trace).at("/deliveries/0");
        assertThat(delivery.get("itemId").asText()).isEqualTo(item);
        assertThat(delivery.get("planId").asText()).isEqualTo(plan);
        assertThat(delivery.get("state").asText()).isEqualTo("DELIVERED");
        assertThat(delivery.get("receiptCode").asText()).isNotBlank();
        assertThat(delivery.get("address").asText()).isEqualTo("137****0001");
        assertThat(trace.body()).doesNotContain(phones.get(1));
        assertThat(TestHub.json(ofItem).get("total").asLong()).isEqualTo(1);
        assertThat(TestHub.json(otherItem).get("total").asLong()).isZero();
        assertThat(hub.get("/api/deliveries").statusCode()).isEqualTo(400);
        assertThat(hub.get("/api/deliveries?phone=13999999999").statusCode()).isEqualTo(404);
    }

    private static void awaitState(String plan, String state) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(TestHub.json(hub.get("/api/plans/" + plan)).get("state").asText()).isEqualTo(state));
    }
}
