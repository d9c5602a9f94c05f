package org.sunshinehub.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sunshinehub.security.Role;
import org.sunshinehub.support.Pushes;
import org.sunshinehub.support.TestHub;

/**
 * Recall (撤回) end to end through the sandbox: a recall mid-send stops the rest, every channel takes back what it
 * can (the Weibo post deleted, the WeChat mass send deleted, the JPush push withdrawn), the correction reaches
 * those who got what cannot be taken back once, and only a publisher may recall, with a reason, audited.
 * SMS blocks of 5, so a push spans several blocks. Each test uses its own topic.
 */
class RecallIntegrationTests {

    private static TestHub hub;
    private static Pushes pushes;
    private static String publisher;

    @BeforeAll
    static void start() {
        hub = TestHub.start("--sunshine.dispatch.channels.sms.batch-size=5");
        pushes = new Pushes(hub);
        publisher = hub.staff("recall-pub", Set.of(Role.PUBLISHER), List.of(), null);
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
    void aRecallMidSendCancelsTheRestAndCorrectsThoseAlreadyReachedOnce() {
        List<String> phones = pushes.subscribers("1372001", 200, "r-mid");
        long before = accepted();
        pushes.faults("{\"slowMillis\": 1000}");
        String item = pushes.approvedItem("关于发布错误补贴标准的通知");
        String plan = pushes.plan(item, "r-mid", "").get("id").asText();
        Awaitility.await().atMost(TestHub.PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> pushes.count(plan, "SENT") + pushes.count(plan, "DELIVERED") >= 5);

        HttpResponse<String> recall = recall(item, "{\"reason\":\"补贴标准有误\",\"correction\":\"正确标准以政府网站公布为准\"}");

        assertThat(recall.statusCode()).as(recall.body()).isEqualTo(200);
        List<String> reached = reached(phones);
        assertThat(reached.size()).isLessThan(phones.size());
        assertThat(TestHub.json(recall).get("cancelledPlans")).extracting(JsonNode::asText).containsExactly(plan);
        pushes.faults("{}");
        Awaitility.await().atMost(TestHub.PATIENCE).untilAsserted(() -> assertThat(reached)
                .allSatisfy(p -> assertThat(texts(p)).hasSize(2).last().asString().contains("更正", "正确标准以政府网站公布为准")));
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(accepted() - before).isEqualTo(2L * reached.size()));
        assertThat(reached(phones)).isEqualTo(reached);
        JsonNode progress = TestHub.json(hub.get("/api/plans/" + plan + "/progress"));
        assertThat(progress.get("state").asText()).isEqualTo("CANCELLED");
        assertThat(progress.get("cancelledBecause").asText()).contains("信息已撤回", "补贴标准有误");
        Awaitility.await().atMost(TestHub.PATIENCE).untilAsserted(() ->
                assertThat(pushes.count(plan, "CANCELLED")).isEqualTo(phones.size() - reached.size()));
        assertThat(TestHub.json(hub.get("/api/items/" + item)).get("state").asText()).isEqualTo("RECALLED");
    }

    @Test
    void everyChannelTakesBackWhatItCanAndARepeatedRecallChangesNothing() {
        pushes.citizenOnEveryChannel("o-recall-1", "13720020001", "rid-recall-1", "r-every");
        String item = TestHub.json(hub.post("/api/intake/disclosures", """
                {"source":"website","sourceId":"%s","title":"关于误发政策解读的说明","issuer":"广东省民政厅",
                 "url":"https://smzt.gd.gov.cn/zwgk/recall.html"}""".formatted(UUID.randomUUID()))).get("id").asText();
        pushes.pushOnEveryChannel(item, "r-every");
        String postId = lastPost().get("idstr").asText();
        String pushId = device("rid-recall-1").get(0).get("msgId").asText();

        HttpResponse<String> recall = recall(item, "{\"reason\":\"误发\",\"correction\":\"该信息系误发，请以正式文件为准\"}");

        assertThat(recall.statusCode()).as(recall.body()).isEqualTo(200);
        assertThat(destroyedPosts()).containsExactly(postId);
        assertThat(TestHub.json(hub.sandbox("GET", "/admin/stats", null)).at("/jpush/withdrawn"))
                .extracting(JsonNode::asText).containsExactly(pushId);
        assertThat(device("rid-recall-1").get(0).get("withdrawn").asBoolean()).isTrue();
        Awaitility.await().atMost(TestHub.PATIENCE).untilAsserted(() -> {
            assertThat(texts("13720020001")).hasSize(2).last().asString().contains("更正");
            assertThat(wechat("o-recall-1")).hasSize(2);
        });
        assertThat(wechat("o-recall-1").get(1).at("/data/remark/value").asText()).contains("该信息系误发");
        assertThat(device("rid-recall-1")).hasSize(1);

        HttpResponse<String> again = recall(item, "{\"reason\":\"再次撤回\"}");

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(TestHub.json(again).at("/recall/reason").asText()).isEqualTo("误发");
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(texts("13720020001")).hasSize(2);
            assertThat(wechat("o-recall-1")).hasSize(2);
        });
        assertThat(destroyedPosts()).containsExactly(postId);
    }

    @Test
    void aWechatMassSendIsDeletedAndItsFollowersGetNoCorrection() {
        List<String> openIds = List.of("o-recall-mass-1", "o-recall-mass-2");
        for (String openId : openIds) {
            hub.sandbox("POST", "/admin/wechat/follower", "{\"account\":\"gov\",\"openid\":\"" + openId
                    + "\",\"event\":\"subscribe\"}");
            assertThat(hub.post("/api/subscribers", "{\"wechatOpenId\":\"" + openId + "\",\"topics\":[\"r-mass\"]}")
                    .statusCode()).isLessThan(300);
        }
        String item = pushes.approvedItem("关于误发群发消息的说明");
        String plan = TestHub.json(hub.post("/api/plans", "{\"itemId\":\"" + item
                + "\",\"channels\":[\"wechat\"],\"broadcast\":true,\"audience\":{\"topics\":[\"r-mass\"]}}")).get("id").asText();
        Awaitility.await().atMost(TestHub.PATIENCE).until(() -> openIds.stream().allMatch(o -> wechat(o).size() == 1));
        long massId = wechat(openIds.get(0)).get(0).get("msgid").asLong();
        assertThat(wechat(openIds.get(0)).get(0).get("kind").asText()).isEqualTo("mass");

        HttpResponse<String> recall = recall(item, "{\"reason\":\"误发\",\"correction\":\"请忽略\"}");

        assertThat(recall.statusCode()).as(recall.body()).isEqualTo(200);
        assertThat(TestHub.json(hub.sandbox("GET", "/admin/stats", null)).at("/wechat/massDeletes"))
                .anySatisfy(d -> assertThat(d.get("msg_id").asLong()).isEqualTo(massId));
        assertThat(openIds).allSatisfy(o -> assertThat(wechat(o).get(0).get("deleted").asBoolean()).isTrue());
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(openIds).allSatisfy(o -> assertThat(wechat(o)).hasSize(1)));
        assertThat(TestHub.json(recall).at("/channels/0/withdrawn").asLong()).isEqualTo(1);
        assertThat(TestHub.json(hub.get("/api/plans/" + plan)).get("state").asText()).isNotEqualTo("SENDING");
    }

    @Test
    void onlyAPublisherRecallsWithAReasonAuditedAndARecalledItemIsNeverPushedAgain() {
        String reviewer = hub.staff("recall-rev", Set.of(Role.REVIEWER, Role.AUDITOR), List.of("初审"), null);
        pushes.subscribers("1372003", 2, "r-rules");
        String item = pushes.approvedItem("关于撤回权限测试的公告");

        HttpResponse<String> byReviewer = hub.postAs(reviewer, "/api/items/" + item + "/recall", "{\"reason\":\"x\"}");
        HttpResponse<String> byApiKey = hub.post("/api/items/" + item + "/recall", "{\"reason\":\"x\"}");
        HttpResponse<String> noReason = recall(item, "{\"reason\":\"  \"}");
        HttpResponse<String> recalled = recall(item, "{\"reason\":\"标题有误\"}");
        HttpResponse<String> newPlan = hub.post("/api/plans",
                "{\"itemId\":\"" + item + "\",\"channels\":[\"sms\"],\"audience\":{\"topics\":[\"r-rules\"]}}");

        assertThat(byReviewer.statusCode()).isEqualTo(403);
        assertThat(byApiKey.statusCode()).isEqualTo(403);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(noReason.body()).contains("reason");
        assertThat(recalled.statusCode()).as(recalled.body()).isEqualTo(200);
        assertThat(TestHub.json(recalled).at("/recall/by").asText()).isEqualTo(publisher);
        assertThat(newPlan.statusCode()).isEqualTo(409);
        assertThat(TestHub.json(newPlan).get("detail").asText()).contains("撤回", "标题有误");
        JsonNode events = TestHub.json(hub.send(hub.requestAs(reviewer, "/api/audit-events?size=100&account=" + publisher)))
                .get("events");
        List<JsonNode> recalls = StreamSupport.stream(events.spliterator(), false)
                .filter(e -> e.get("action").asText().equals("ITEM_RECALL")
                        && e.get("object").asText().equals("item:" + item)).toList();
        assertThat(recalls).hasSize(1);
        assertThat(recalls.get(0).get("detail").asText()).contains("标题有误");
    }

    private static HttpResponse<String> recall(String item, String body) {
        return hub.postAs(publisher, "/api/items/" + item + "/recall", body);
    }

    /** SMS the sandbox accepted in all (the hub of this class is the only sender). */
    private static long accepted() {
        return TestHub.json(hub.sandbox("GET", "/admin/stats", null)).path("accepted").asLong();
    }

    private static List<String> reached(List<String> phones) {
        return phones.stream().filter(p -> !pushes.sentTo(p).isEmpty()).toList();
    }

    private static List<String> texts(String phone) {
        List<String> texts = new ArrayList<>();
        pushes.sentTo(phone).forEach(m -> texts.add(m.get("text").asText()));
        return texts;
    }

    private static JsonNode lastPost() {
        JsonNode posts = TestHub.json(hub.sandbox("GET", "/admin/weibo/posts?account=gov", null)).get("posts");
        return posts.get(posts.size() - 1);
    }

    private static List<String> destroyedPosts() {
        List<String> ids = new ArrayList<>();
        TestHub.json(hub.sandbox("GET", "/admin/weibo/destroyed?account=gov", null)).get("ids").forEach(i -> ids.add(i.asText()));
        return ids;
    }

    private static JsonNode device(String registrationId) {
        return TestHub.json(hub.sandbox("GET", "/admin/jpush/messages?registrationId=" + registrationId, null)).get("messages");
    }

    private static List<JsonNode> wechat(String openId) {
        List<JsonNode> messages = new ArrayList<>();
        TestHub.json(hub.sandbox("GET", "/admin/wechat/messages?openid=" + openId, null)).get("messages")
                .forEach(messages::add);
        return messages;
    }
}
