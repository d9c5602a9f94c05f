package org.sunshinehub.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sunshinehub.channel.wechat.WechatIntegrationTests.follower;
import static org.sunshinehub.channel.wechat.WechatIntegrationTests.messages;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.support.TestHub;

/** A consultation on WeChat: pushed to followers, opinions by reply code or by replying, refused once closed. */
class WechatConsultationIntegrationTests {

    @Test
    void followersGetTheConsultationGiveOpinionsAndAreToldWhenItHasClosed() {
        try (TestHub hub = TestHub.start("--sunshine.consultations.channels=sms,wechat")) {
            follower(hub, "{\"openid\":\"oConsult1\",\"event\":\"subscribe\"}");
            follower(hub, "{\"openid\":\"oConsult1\",\"text\":\"订阅 养老服务\"}");
            OffsetDateTime now = OffsetDateTime.ofInstant(hub.clock().instant(), SunshineHubApplication.ZONE);
            String id = TestHub.json(hub.post("/api/intake/consultations", """
                    {"source":"website","sourceId":"%s","title":"《社区居家养老服务管理办法（征求意见稿）》",
                     "issuer":"广东省民政厅","category":"养老服务","consultationType":"行政规范性文件",
                     "opensAt":"%s","closesAt":"%s"}""".formatted(UUID.randomUUID(), now, now.plusDays(20))))
                    .get("id").asText();

            Awaitility.await().atMost(TestHub.PATIENCE).until(() -> messages(hub, "oConsult1").stream()
                    .anyMatch(m -> m.path("templateId").asText().equals("TPL_SANDBOX_CONSULTATION")));
            // the opening push is the first plan due; the reminder's comes before closing
            String code = java.util.stream.StreamSupport.stream(TestHub.json(hub.get("/api/plans?itemId=" + id)).spliterator(), false)
                    .min(java.util.Comparator.comparing(p -> OffsetDateTime.parse(p.get("sendAt").asText())))
                    .orElseThrow().get("replyCode").asText();
            assertThat(messages(hub, "oConsult1").get(0).at("/data/remark/value").asText()).contains("#" + code);

            assertThat(follower(hub, "{\"openid\":\"oConsult1\",\"text\":\"#" + code + " 建议延长日间照料服务时间\"}")
                    .get("reply").asText()).contains("已收到");
            follower(hub, "{\"openid\":\"oConsult1\",\"text\":\"另外建议每个街道设一个助餐点\"}");
            JsonNode opinions = TestHub.json(hub.get("/api/feedback?itemId=" + id));
            assertThat(opinions.get("total").asLong()).isEqualTo(2);
            assertThat(opinions.toString()).contains("建议延长日间照料服务时间", "另外建议每个街道设一个助餐点")
                    .doesNotContain("#" + code);

            hub.clock().advance(Duration.ofDays(21));
            assertThat(follower(hub, "{\"openid\":\"oConsult1\",\"text\":\"#" + code + " 迟到的意见\"}").get("reply").asText())
                    .contains("截止");
            assertThat(TestHub.json(hub.get("/api/feedback?itemId=" + id)).get("total").asLong()).isEqualTo(2);

            String first = opinions.at("/feedback/0/sourceKey").asText();
            assertThat(hub.post("/api/feedback/" + first + "/answer", "{\"text\":\"感谢参与。\"}").statusCode()).isEqualTo(200);
            hub.clock().advance(Duration.ofHours(49));
            HttpResponse<String> late = hub.post("/api/feedback/" + first + "/answer", "{\"text\":\"迟到的回复\"}");
            assertThat(late.statusCode()).isEqualTo(409);
            assertThat(TestHub.json(late).get("detail").asText()).contains("48 小时");
        }
    }
}
