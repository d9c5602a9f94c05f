package org.sunshinehub.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.support.Pushes;
import org.sunshinehub.support.TestHub;

/**
 * From an approved item to delivery receipts, through the real Aliyun SDK and the sandbox over HTTP, on the
 * embedded database. Blocks of 10 so that every push spans several blocks. Each test uses its own topic.
 */
class PushPipelineIntegrationTests {

    private static TestHub hub;
    private static Pushes pushes;

    @BeforeAll
    static void start() {
        hub = TestHub.start("--sunshine.dispatch.channels.sms.batch-size=10", "--sunshine.dispatch.max-attempts=20");
        pushes = new Pushes(hub);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @AfterEach
    void clearFaultsAndClock() {
        hub.clock().setBeijingTime(LocalTime.of(10, 0));
        pushes.faults("{}");
    }

    @Test
    void anApprovedItemReachesEverySubscriberOnceWithTheOptOutHint() {
        List<String> phones = pushes.subscribers("1370001", 25, "t-basic");
        String item = pushes.approvedItem("关于调整城乡低保标准的通知");

        String plan = pushes.plan(item, "t-basic", "").get("id").asText();

        pushes.awaitCount(plan, "DELIVERED", 25, TestHub.PATIENCE);
        for (String phone : phones) {
            JsonNode sent = pushes.sentTo(phone);
            assertThat(sent).hasSize(1);
            assertThat(sent.get(0).get("text").asText())
                    .isEqualTo("【政务公开】广东省民政厅发布《关于调整城乡低保标准的通知》，详见政府网站。回复本短信可提意见，回T退订");
        }
    }

    @Test
    void aScheduledPlanWaitsForItsTime() {
        pushes.subscribers("1370002", 5, "t-scheduled");
        String item = pushes.approvedItem("关于开展养老机构等级评定的通知");
        String sendAt = OffsetDateTime.ofInstant(hub.clock().instant().plus(Duration.ofHours(1)),
                SunshineHubApplication.ZONE).toString();

        String plan = pushes.plan(item, "t-scheduled", "\"sendAt\":\"" + sendAt + "\"").get("id").asText();

        Awaitility.await().during(Duration.ofSeconds(2)).atMost(TestHub.PATIENCE).until(() ->
                TestHub.json(hub.get("/api/plans/" + plan)).get("counts").isEmpty());
        hub.clock().advance(Duration.ofHours(1).plusSeconds(1));
        pushes.awaitCount(plan, "DELIVERED", 5, TestHub.PATIENCE);
    }

    @Test
    void aCancelledPlanSendsNothingMore() {
        // More blocks (of 10) than the 4 workers can hold at once, so some are still waiting at the cancel.
        List<String> phones = pushes.subscribers("1370003", 120, "t-cancel");
        String item = pushes.approvedItem("关于社区志愿服务示范站点的公告");
        pushes.faults("{\"slowMillis\": 700}");

        String plan = pushes.plan(item, "t-cancel", "").get("id").asText();
        Awaitility.await().atMost(TestHub.PATIENCE).until(() -> pushes.count(plan, "SENT")
                + pushes.count(plan, "DELIVERED") > 0);
        assertThat(TestHub.json(hub.post("/api/plans/" + plan + "/cancel", "")).get("state").asText()).isEqualTo("CANCELLED");

        // Settled: nothing waits to be sent and every receipt is in.
        Awaitility.await().atMost(TestHub.PATIENCE)
                .until(() -> pushes.count(plan, "PENDING") == 0 && pushes.count(plan, "SENT") == 0);
        JsonNode view = TestHub.json(hub.get("/api/plans/" + plan));
        JsonNode counts = view.get("counts").get("sms");
        long delivered = counts.path("DELIVERED").asLong();
        long cancelled = counts.path("CANCELLED").asLong();
        // A cancel during the fan-out also stops it: the rest of the audience gets no delivery at all.
        long made = view.at("/progress/0/fannedOut").asLong();
        assertThat(made).as(view.toString()).isBetween(1L, 120L);
        assertThat(counts.properties()).as(counts.toString()).allMatch(c -> Set.of("DELIVERED", "CANCELLED").contains(c.getKey()));
        assertThat(delivered + cancelled).as(counts.toString()).isEqualTo(made);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(TestHub.PATIENCE).until(() ->
                phones.stream().mapToLong(p -> pushes.sentTo(p).size()).sum() == delivered);
    }

    @Test
    void quietHoursDeferANonUrgentPushUntilMorning() {
        pushes.subscribers("1370004", 5, "t-quiet");
        String item = pushes.approvedItem("关于做好冬季困难群众救助工作的通知");
        hub.clock().setBeijingTime(LocalTime.of(23, 30));

        String plan = pushes.plan(item, "t-quiet", "").get("id").asText();
        Awaitility.await().atMost(TestHub.PATIENCE).until(() -> pushes.count(plan, "PENDING") == 5);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(TestHub.PATIENCE)
                .until(() -> pushes.count(plan, "PENDING") == 5);

        hub.clock().setBeijingTime(LocalTime.of(8, 0, 5));
        pushes.awaitCount(plan, "DELIVERED", 5, TestHub.PATIENCE);
    }

    @Test
    void anUrgentPushIgnoresQuietHours() {
        pushes.subscribers("1370005", 3, "t-urgent");
        String item = pushes.approvedItem("关于启动防台风四级应急响应的紧急通知");
        hub.clock().setBeijingTime(LocalTime.of(2, 0));

        String plan = pushes.plan(item, "t-urgent", "\"urgent\":true").get("id").asText();

        pushes.awaitCount(plan, "DELIVERED", 3, TestHub.PATIENCE);
    }

    @Test
    void anOptOutIsHonouredByADeliveryAlreadyQueued() {
        List<String> phones = pushes.subscribers("1370006", 4, "t-optout");
        String item = pushes.approvedItem("关于发放2027年度高龄津贴的通知");
        hub.clock().setBeijingTime(LocalTime.of(23, 0));
        String plan = pushes.plan(item, "t-optout", "").get("id").asText();
        Awaitility.await().atMost(TestHub.PATIENCE).until(() -> pushes.count(plan, "PENDING") == 4);

        String subscriber = TestHub.json(hub.get("/api/subscribers?phone=" + phones.get(0))).get("subscribers").get(0)
                .get("id").asText();
        assertThat(hub.send(hub.request("/api/subscribers/" + subscriber + "/channels/sms").DELETE()).statusCode())
                .isEqualTo(200);
        hub.clock().setBeijingTime(LocalTime.of(9, 0));

        pushes.awaitCount(plan, "DELIVERED", 3, TestHub.PATIENCE);
        assertThat(pushes.count(plan, "SUPPRESSED")).isEqualTo(1);
        assertThat(pushes.sentTo(phones.get(0))).isEmpty();
    }

    @Test
    void anOutageDelaysDeliveriesAndNoneGoesTwice() {
        List<String> phones = pushes.subscribers("1370007", 30, "t-outage");
        String item = pushes.approvedItem("关于临时救助审批权限下放的通知");
        // An outage that lasts until the hub has met it, however long the way to the first send takes.
        pushes.faults("{\"outageSeconds\": 3600}");

        String plan = pushes.plan(item, "t-outage", "").get("id").asText();
        Awaitility.await().atMost(TestHub.PATIENCE).until(() ->
                TestHub.json(hub.sandbox("GET", "/admin/stats", null)).path("outage").asLong() > 0);
        pushes.faults("{}");

        pushes.awaitCount(plan, "DELIVERED", 30, TestHub.PATIENCE);
        assertThat(phones).allSatisfy(p -> assertThat(pushes.sentTo(p)).hasSize(1));
    }

    @Test
    void flowControlErrorsAreAbsorbedByRetries() {
        // 20 blocks at 50%: no flow control at all has p = 0.5^20, a block failing 20 tries p = 0.5^20.
        List<String> phones = pushes.subscribers("1370008", 200, "t-flow");
        String item = pushes.approvedItem("关于特困人员认定办法的解读");
        pushes.faults("{\"flowControlRate\": 0.5}");

        String plan = pushes.plan(item, "t-flow", "").get("id").asText();

        pushes.awaitCount(plan, "DELIVERED", 200, TestHub.PATIENCE);
        assertThat(phones).allSatisfy(p -> assertThat(pushes.sentTo(p)).hasSize(1));
        assertThat(TestHub.json(hub.sandbox("GET", "/admin/stats", null)).get("flowControlled").asLong()).isPositive();
    }

    @Test
    void anInvalidNumberFailsAtOnceAndTheRestOfItsRequestGoesOut() {
        List<String> phones = pushes.subscribers("1370009", 10, "t-invalid");
        String item = pushes.approvedItem("关于残疾人两项补贴标准的通知");
        pushes.faults("{\"invalidNumbers\": [\"" + phones.get(3) + "\"], \"undeliveredNumbers\": [\"" + phones.get(5) + "\"]}");

        String plan = pushes.plan(item, "t-invalid", "").get("id").asText();

        pushes.awaitCount(plan, "DELIVERED", 8, TestHub.PATIENCE);
        assertThat(pushes.count(plan, "FAILED")).isEqualTo(1);
        assertThat(pushes.count(plan, "UNDELIVERED")).isEqualTo(1);
    }

    @Test
    void duplicateReceiptsChangeNothing() {
        pushes.subscribers("1370010", 10, "t-dup");
        String item = pushes.approvedItem("关于城乡居民医保参保缴费的通知");
        pushes.faults("{\"duplicateReceiptRate\": 1.0}");

        String plan = pushes.plan(item, "t-dup", "").get("id").asText();

        pushes.awaitCount(plan, "DELIVERED", 10, TestHub.PATIENCE);
        String token = hub.property("sunshine.sms.callback-token");
        JsonNode sent = pushes.sentTo("13700100000").get(0);
        String late = "[{\"phone_number\":\"13700100000\",\"success\":false,\"err_code\":\"MK:0001\",\"biz_id\":\""
                + sent.get("bizId").asText() + "\",\"out_id\":\"" + sent.get("outId").asText() + "\"}]";
        assertThat(hub.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port()
                + "/callbacks/aliyun-sms/" + token + "/report")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(late))).body()).contains("\"code\":0");
        assertThat(pushes.count(plan, "DELIVERED")).isEqualTo(10);
    }

    @Test
    void aReplyBecomesFeedbackOnTheItemAndTdOptsOut() {
        List<String> phones = pushes.subscribers("1370011", 2, "t-reply");
        String item = pushes.approvedItem("关于征求城乡低保标准调整意见的公告");
        String plan = pushes.plan(item, "t-reply", "").get("id").asText();
        pushes.awaitCount(plan, "DELIVERED", 2, TestHub.PATIENCE);

        hub.sandbox("POST", "/admin/sms-up", "{\"phone\":\"" + phones.get(0) + "\",\"content\":\"建议提高农村低保标准\",\"repeat\":2}");
        hub.sandbox("POST", "/admin/sms-up", "{\"phone\":\"" + phones.get(1) + "\",\"content\":\"td\"}");

        Awaitility.await().atMost(TestHub.PATIENCE).untilAsserted(() -> {
            JsonNode feedback = TestHub.json(hub.get("/api/feedback?itemId=" + item)).get("feedback");
            assertThat(feedback).hasSize(1);
            assertThat(feedback.get(0).get("text").asText()).isEqualTo("建议提高农村低保标准");
            assertThat(feedback.get(0).get("channel").asText()).isEqualTo("sms");
        });
        Awaitility.await().atMost(TestHub.PATIENCE).untilAsserted(() -> assertThat(
                TestHub.json(hub.get("/api/subscribers?phone=" + phones.get(1))).get("subscribers").get(0)
                        .get("optedOut").has("sms")).isTrue());
    }
}
