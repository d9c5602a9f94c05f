package org.sunshinehub.channel.weibo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sunshinehub.support.TestHub;

/** Weibo end to end: one post per item per account, comments into Feedback, the hourly limit, an expired token. */
class WeiboChannelIntegrationTests {

    @Test
    void anItemIsPostedOnceAndItsCommentsBecomeFeedbackOnce() {
        TestHub hub = TestHub.shared();
        String item = item(hub, "关于优化社会救助审批流程的通知 #热点#");
        String first = plan(hub, item);
        awaitCount(hub, first, "SENT", 1);
        JsonNode post = posts(hub).get(posts(hub).size() - 1);
        assertThat(post.get("text").asText()).contains("关于优化社会救助审批流程的通知", "https://smzt.gd.gov.cn/")
                .doesNotContain("#");
        HttpResponse<String> second = hub.post("/api/plans",
                "{\"itemId\":\"" + item + "\",\"channels\":[\"weibo\"],\"audience\":{\"all\":true}}");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(TestHub.json(second).get("detail").asText()).contains("weibo 跳过 1 人", first);
        assertThat(posts(hub).stream().filter(p -> p.get("text").asText().contains("优化社会救助审批流程"))).hasSize(1);

        hub.sandbox("POST", "/admin/weibo/comments", "{\"account\":\"gov\",\"postId\":\"" + post.get("idstr").asText()
                + "\",\"text\":\"审批时限能否再缩短\",\"count\":3}");
        hub.sandbox("POST", "/admin/weibo/comments", "{\"account\":\"gov\",\"postId\":\"" + post.get("idstr").asText()
                + "\",\"malformed\":true}");
        Awaitility.await().atMost(TestHub.PATIENCE).until(() ->
                TestHub.json(hub.get("/api/feedback?itemId=" + item)).get("total").asLong() == 3);
        JsonNode feedback = TestHub.json(hub.get("/api/feedback?itemId=" + item));
        assertThat(feedback.at("/feedback/0/channel").asText()).isEqualTo("weibo");
        assertThat(feedback.at("/feedback/0/address").asText()).matches("\\d+");
        hub.sandbox("POST", "/admin/weibo/comments", "{\"account\":\"gov\",\"text\":\"再来一条\",\"uid\":77}");
        Awaitility.await().atMost(TestHub.PATIENCE).until(() ->
                TestHub.json(hub.get("/api/feedback?channel=weibo&size=100")).toString().contains("再来一条"));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(TestHub.PATIENCE).until(() ->
                TestHub.json(hub.get("/api/feedback?itemId=" + item)).get("total").asLong() == 4);
    }

    @Test
    void commentsBecomeFeedbackExactlyOnceAcrossARestart() {
        try (TestHub hub = TestHub.start("--sunshine.weibo.accounts.gov.access-token=sandbox-weibo-restart-test",
                "--sunshine.weibo.accounts.gov.safe-domain=gd.gov.cn")) {
            String item = item(hub, "关于评论续读测试的公告");
            awaitCount(hub, plan(hub, item), "SENT", 1);
            String postId = posts(hub).get(posts(hub).size() - 1).get("idstr").asText();
            hub.sandbox("POST", "/admin/weibo/comments", "{\"account\":\"gov\",\"postId\":\"" + postId
                    + "\",\"text\":\"重启前的评论\",\"count\":3}");
            Awaitility.await().atMost(TestHub.PATIENCE).until(() ->
                    TestHub.json(hub.get("/api/feedback?itemId=" + item)).get("total").asLong() == 3);

            hub.restart();
            hub.sandbox("POST", "/admin/weibo/comments", "{\"account\":\"gov\",\"postId\":\"" + postId
                    + "\",\"text\":\"重启后的评论\",\"count\":2}");
            Awaitility.await().atMost(TestHub.PATIENCE).until(() ->
                    TestHub.json(hub.get("/api/feedback?itemId=" + item)).get("total").asLong() == 5);
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(TestHub.PATIENCE).until(() ->
                    TestHub.json(hub.get("/api/feedback?itemId=" + item)).get("total").asLong() == 5);
        }
    }

    @Test
    void thirtyOnePostsInAnHourAreAllPublishedTheLastInTheNextHour() {
        try (TestHub hub = TestHub.start("--sunshine.sandbox.weibo-posts-per-hour=1000")) {
            List<String> plans = new ArrayList<>();
            for (int i = 1; i <= 31; i++) {
                plans.add(plan(hub, item(hub, "第" + i + "号公告")));
            }
            Awaitility.await().atMost(TestHub.PATIENCE).until(() -> posts(hub).size() == 30);
            String last = plans.stream().filter(p -> TestHub.json(hub.get("/api/plans/" + p)).at("/counts/weibo/PENDING")
                    .asLong() == 1).findFirst().orElseThrow();
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(TestHub.PATIENCE).until(() -> posts(hub).size() == 30);

            hub.clock().advance(Duration.ofMinutes(61));
            awaitCount(hub, last, "SENT", 1);
            assertThat(posts(hub)).hasSize(31);
        }
    }

    @Test
    void anExpiredTokenFlagsTheAccountAndThePostWaitsUntilItIsFixed() {
        TestHub hub = TestHub.shared();
        hub.sandbox("POST", "/admin/weibo/faults", "{\"expiredToken\":true}");
        String plan = plan(hub, item(hub, "关于令牌过期测试的公告"));
        Awaitility.await().atMost(TestHub.PATIENCE).until(() ->
                TestHub.json(hub.get("/api/overview")).get("channelAlerts").toString().contains("weibo:gov"));
        assertThat(TestHub.json(hub.get("/api/plans/" + plan)).at("/counts/weibo/PENDING").asLong()).isEqualTo(1);
        hub.sandbox("POST", "/admin/weibo/faults", "{\"expiredToken\":false}");
        awaitCount(hub, plan, "SENT", 1);
        Awaitility.await().atMost(TestHub.PATIENCE).until(() ->
                !TestHub.json(hub.get("/api/overview")).get("channelAlerts").toString().contains("weibo:gov"));
    }

    private static String item(TestHub hub, String title) {
        HttpResponse<String> created = hub.post("/api/intake/disclosures", """
                {"source":"website","sourceId":"%s","title":"%s","issuer":"广东省民政厅","url":"https://smzt.gd.gov.cn/zwgk/%s.html"}
                """.formatted(UUID.randomUUID(), title, UUID.randomUUID()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestHub.json(created).get("id").asText();
    }

    private static String plan(TestHub hub, String item) {
        HttpResponse<String> created = hub.post("/api/plans",
                "{\"itemId\":\"" + item + "\",\"channels\":[\"weibo\"],\"audience\":{\"all\":true}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestHub.json(created).get("id").asText();
    }

    private static void awaitCount(TestHub hub, String plan, String state, long expected) {
        Awaitility.await().atMost(TestHub.PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(TestHub.json(hub.get("/api/plans/" + plan)).at("/counts/weibo/" + state).asLong())
                        .as(hub.get("/api/plans/" + plan).body()).isEqualTo(expected));
    }

    private static List<JsonNode> posts(TestHub hub) {
        List<JsonNode> list = new ArrayList<>();
        TestHub.json(hub.sandbox("GET", "/admin/weibo/posts?account=gov", null)).get("posts").forEach(list::add);
        return list;
    }
}
