package org.sunshinehub.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sunshinehub.support.Pushes;
import org.sunshinehub.support.TestHub;

/** The WeChat channel end to end: the real hub, WxJava over HTTP, the sandbox playing WeChat and its followers. */
class WechatIntegrationTests {

    @Test
    void aFollowerChoosesATopicGetsThePushRepliesAndIsAnswered() {
        TestHub hub = TestHub.shared();
        JsonNode followed = follower(hub, "{\"openid\":\"oFollowA1\",\"event\":\"subscribe\"}");
        assertThat(followed.get("reply").asText()).contains("感谢关注");
        assertThat(follower(hub, "{\"openid\":\"oFollowA1\",\"text\":\"订阅 养老\"}").get("reply").asText())
                .contains("已订阅「养老」", "您当前订阅的话题：养老");
        assertThat(follower(hub, "{\"openid\":\"oFollowA1\",\"event\":\"CLICK\",\"key\":\"MY_TOPICS\"}").get("reply").asText())
                .contains("养老");

        Pushes pushes = new Pushes(hub);
        String item = pushes.approvedItem("关于提高养老服务补贴标准的通知");
        String plan = plan(hub, item, "养老", "");
        awaitCount(hub, plan, "DELIVERED", 1);
        JsonNode template = messages(hub, "oFollowA1").get(0);
        assertThat(template.get("kind").asText()).isEqualTo("template");
        assertThat(template.get("templateId").asText()).isEqualTo("TPL_SANDBOX_DISCLOSURE");
        assertThat(template.at("/data/keyword1/value").asText()).isEqualTo("关于提高养老服务补贴标准的通知");

        String opinion = "{\"openid\":\"oFollowA1\",\"text\":\"建议把补贴发放到社区\",\"msgId\":7000000000000000001,\"repeat\":2}";
        JsonNode replied = follower(hub, opinion);
        assertThat(replied.at("/answers/0/reply").asText()).isEqualTo("您的留言已收到，我们会认真研究处理。");
        assertThat(replied.at("/answers/1/reply").asText()).isEqualTo(replied.at("/answers/0/reply").asText());
        JsonNode feedback = TestHub.json(hub.get("/api/feedback?itemId=" + item));
        assertThat(feedback.get("total").asLong()).isEqualTo(1);
        assertThat(feedback.at("/feedback/0/channel").asText()).isEqualTo("wechat");
        assertThat(feedback.at("/feedback/0/text").asText()).isEqualTo("建议把补贴发放到社区");

        HttpResponse<String> answered = hub.post("/api/feedback/" + feedback.at("/feedback/0/sourceKey").asText() + "/answer",
                "{\"text\":\"感谢建议，已转业务处室研究。\"}");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(messages(hub, "oFollowA1")).anyMatch(m -> m.get("kind").asText().equals("custom")
                && m.get("content").asText().equals("感谢建议，已转业务处室研究。"));
    }

    /** WeChat allows 5 customer-service messages after each message of the follower. */
    @Test
    void staffMayAnswerFiveTimesPerMessageOfTheFollower() {
        TestHub hub = TestHub.shared();
        follower(hub, "{\"openid\":\"oAnswers1\",\"event\":\"subscribe\"}");
        String item = new Pushes(hub).approvedItem("关于客服回复条数的公告");
        follower(hub, "{\"openid\":\"oAnswers1\",\"text\":\"#" + replyCodeOf(hub, item) + " 请问怎么申请\"}");
        String feedback = TestHub.json(hub.get("/api/feedback?itemId=" + item)).at("/feedback/0/sourceKey").asText();
        for (int i = 1; i <= 5; i++) {
            assertThat(answer(hub, feedback, "第" + i + "条回复").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> sixth = answer(hub, feedback, "第6条回复");
        assertThat(sixth.statusCode()).isEqualTo(409);
        assertThat(TestHub.json(sixth).get("detail").asText()).contains("已回复 5 条");
        assertThat(messages(hub, "oAnswers1")).noneMatch(m -> m.path("content").asText().equals("第6条回复"));

        follower(hub, "{\"openid\":\"oAnswers1\",\"text\":\"还有一个问题\"}");
        assertThat(answer(hub, feedback, "第6条回复").statusCode()).isEqualTo(200);
    }

    private static String replyCodeOf(TestHub hub, String item) {
        return TestHub.json(hub.get("/api/plans/" + plan(hub, item, "客服话题", ""))).get("replyCode").asText();
    }

    private static HttpResponse<String> answer(TestHub hub, String feedback, String text) {
        return hub.post("/api/feedback/" + feedback + "/answer", "{\"text\":\"" + text + "\"}");
    }

    @Test
    void deliveryResultsUnsubscribesAndUnreachableFollowersEachEndTheirDelivery() {
        TestHub hub = TestHub.shared();
        for (String openId : List.of("oResultOk", "oResultLeaves", "oResultBlocks")) {
            follower(hub, "{\"openid\":\"" + openId + "\",\"event\":\"subscribe\"}");
            follower(hub, "{\"openid\":\"" + openId + "\",\"text\":\"订阅 结果话题\"}");
        }
        follower(hub, "{\"openid\":\"oResultBlocks\",\"blocksTemplates\":true}");
        assertThat(hub.post("/api/subscribers", "{\"wechatOpenId\":\"oNeverFollowed\",\"topics\":[\"结果话题\"]}")
                .statusCode()).isEqualTo(201);
        int tokensBefore = stats(hub).get("tokenRequests").asInt();

        sandboxFaults(hub, "{\"errcode\":-1,\"times\":100000}");
        String item = new Pushes(hub).approvedItem("关于社会救助结果的公告");
        String plan = plan(hub, item, "结果话题", "");
        awaitCount(hub, plan, "PENDING", 4);
        follower(hub, "{\"openid\":\"oResultLeaves\",\"event\":\"unsubscribe\"}");
        sandboxFaults(hub, "{\"errcode\":0,\"times\":0}");

        awaitCount(hub, plan, "DELIVERED", 1);
        awaitCount(hub, plan, "SUPPRESSED", 1);
        awaitCount(hub, plan, "REFUSED", 1);
        awaitCount(hub, plan, "FAILED", 1);
        assertThat(messages(hub, "oResultLeaves")).isEmpty();
        JsonNode never = TestHub.json(hub.get("/api/subscribers?wechatOpenId=oNeverFollowed")).at("/subscribers/0");
        assertThat(never.path("optedOut").has("wechat")).as(never.toString()).isTrue();
        assertThat(stats(hub).get("tokenRequests").asInt()).isLessThanOrEqualTo(Math.max(1, tokensBefore));
    }

    @Test
    void aBroadcastPlanUsesOneMassSendAndKeepsItsCounts() {
        TestHub hub = TestHub.shared();
        for (String openId : List.of("oMassOne", "oMassTwo")) {
            follower(hub, "{\"openid\":\"" + openId + "\",\"event\":\"subscribe\"}");
            follower(hub, "{\"openid\":\"" + openId + "\",\"text\":\"订阅 群发话题\"}");
        }
        String item = new Pushes(hub).approvedItem("关于群发测试的公告");
        String plan = plan(hub, item, "群发话题", ",\"broadcast\":true");
        Awaitility.await().atMost(TestHub.PATIENCE).untilAsserted(() -> assertThat(
                TestHub.json(hub.get("/api/plans/" + plan)).at("/broadcastResults/0/sentCount").asLong()).isEqualTo(2));
        assertThat(messages(hub, "oMassOne").get(0).get("kind").asText()).isEqualTo("mass");
        assertThat(messages(hub, "oMassTwo").get(0).get("content").asText()).contains("关于群发测试的公告");
    }

    /** WeChat (and the sandbox) drop a service account's fifth mass send to a follower in a month. */
    @Test
    void aFollowerOverTheMonthlyMassAllowanceGetsATemplateMessageInstead() {
        TestHub hub = TestHub.shared();
        List<String> openIds = List.of("oAllowOne", "oAllowTwo");
        for (String openId : openIds) {
            follower(hub, "{\"openid\":\"" + openId + "\",\"event\":\"subscribe\"}");
            follower(hub, "{\"openid\":\"" + openId + "\",\"text\":\"订阅 月度话题\"}");
        }
        for (int i = 1; i <= 5; i++) {
            plan(hub, new Pushes(hub).approvedItem("关于群发额度测试的公告" + i), "月度话题", ",\"broadcast\":true");
            int received = i;
            Awaitility.await().atMost(TestHub.PATIENCE).untilAsserted(() -> openIds.forEach(openId ->
                    assertThat(messages(hub, openId)).as(openId).hasSize(received)));
        }
        for (String openId : openIds) {
            assertThat(messages(hub, openId).stream().map(m -> m.get("kind").asText()).toList())
                    .containsExactly("mass", "mass", "mass", "mass", "template");
        }
    }

    @Test
    void aQuotaErrorPutsTheBatchBackAndItIsSentLater() {
        TestHub hub = TestHub.shared();
        follower(hub, "{\"openid\":\"oQuota1\",\"event\":\"subscribe\"}");
        follower(hub, "{\"openid\":\"oQuota1\",\"text\":\"订阅 配额话题\"}");
        sandboxFaults(hub, "{\"errcode\":45009,\"times\":2}");
        String plan = plan(hub, new Pushes(hub).approvedItem("关于配额测试的公告"), "配额话题", "");
        awaitCount(hub, plan, "DELIVERED", 1);
        assertThat(messages(hub, "oQuota1")).hasSize(1);
    }

    @Test
    void aRefusedTokenIsRefreshedOnceAndTheMessageStillGoes() {
        TestHub hub = TestHub.shared();
        follower(hub, "{\"openid\":\"oToken1\",\"event\":\"subscribe\"}");
        follower(hub, "{\"openid\":\"oToken1\",\"text\":\"订阅 令牌话题\"}");
        String warm = plan(hub, new Pushes(hub).approvedItem("关于令牌预热的公告"), "令牌话题", "");
        awaitCount(hub, warm, "DELIVERED", 1);
        int tokensBefore = stats(hub).get("tokenRequests").asInt();

        sandboxFaults(hub, "{\"errcode\":40001,\"times\":1}");
        String plan = plan(hub, new Pushes(hub).approvedItem("关于令牌刷新的公告"), "令牌话题", "");
        awaitCount(hub, plan, "DELIVERED", 1);
        assertThat(stats(hub).get("tokenRequests").asInt()).isEqualTo(tokensBefore + 1);
    }

    private static String plan(TestHub hub, String item, String topic, String extra) {
        HttpResponse<String> created = hub.post("/api/plans", """
                {"itemId":"%s","channels":["wechat"],"audience":{"topics":["%s"]}%s}
                """.formatted(item, topic, extra));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestHub.json(created).get("id").asText();
    }

    static void awaitCount(TestHub hub, String plan, String state, long expected) {
        Awaitility.await().atMost(TestHub.PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(TestHub.json(hub.get("/api/plans/" + plan)).at("/counts/wechat/" + state).asLong())
                        .as(hub.get("/api/plans/" + plan).body()).isEqualTo(expected));
    }

    /** A sandbox follower acts on the account {@code gov}; returns the hub's (decrypted) answer. */
    static JsonNode follower(TestHub hub, String json) {
        HttpResponse<String> r = hub.sandbox("POST", "/admin/wechat/follower", json.replaceFirst("\\{", "{\"account\":\"gov\","));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = TestHub.json(r);
        assertThat(answer.path("status").asInt(200)).as(r.body()).isEqualTo(200);
        return answer;
    }

    static List<JsonNode> messages(TestHub hub, String openId) {
        List<JsonNode> list = new ArrayList<>();
        TestHub.json(hub.sandbox("GET", "/admin/wechat/messages?openid=" + openId, null)).get("messages").forEach(list::add);
        return list;
    }

    private static JsonNode stats(TestHub hub) {
        return TestHub.json(hub.sandbox("GET", "/admin/stats", null)).get("wechat");
    }

    private static void sandboxFaults(TestHub hub, String json) {
        assertThat(hub.sandbox("POST", "/admin/wechat/faults", json).statusCode()).isEqualTo(200);
    }
}
