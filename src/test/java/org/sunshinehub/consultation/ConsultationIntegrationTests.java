package org.sunshinehub.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.support.Pushes;
import org.sunshinehub.support.TestHub;

/** A draft from intake to its published adoption report, on the hub's clock moved by the test. */
class ConsultationIntegrationTests {

    private static String consultation(String type, String opens, String closes, String extra) {
        return """
                {"source":"website","sourceId":"%s","title":"《广东省社区居家养老服务管理办法（征求意见稿）》",
                 "issuer":"广东省民政厅","category":"养老服务","consultationType":"%s",
                 "opensAt":"%s","closesAt":"%s"%s}""".formatted(UUID.randomUUID(), type, opens, closes, extra);
    }

    private static List<String> texts(TestHub hub, String phone) {
        List<String> texts = new ArrayList<>();
        TestHub.json(hub.sandbox("GET", "/admin/sms?phone=" + phone, null)).get("messages")
                .forEach(m -> texts.add(m.get("text").asText()));
        return texts;
    }

    @Test
    void aPeriodShorterThanTheLegalMinimumIsRefusedUnlessAReasonIsRecorded() {
        TestHub hub = TestHub.shared();

        HttpResponse<String> tooShort = hub.post("/api/intake/consultations",
                consultation("行政规范性文件", "2026-11-23T09:00:00+08:00", "2026-11-27T18:00:00+08:00", ""));
        HttpResponse<String> withReason = hub.post("/api/intake/consultations",
                consultation("行政规范性文件", "2026-11-23T09:00:00+08:00", "2026-11-27T18:00:00+08:00",
                        ",\"shortPeriodReason\":\"防汛应急需要，经厅务会同意缩短\""));
        HttpResponse<String> majorDecision = hub.post("/api/intake/consultations",
                consultation("重大行政决策", "2026-11-23T09:00:00+08:00", "2026-12-20T18:00:00+08:00", ""));

        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(TestHub.json(tooShort).get("fields").get("closesAt").asText())
                .contains("7 个工作日", "2026-12-02", "shortPeriodReason");
        assertThat(withReason.statusCode()).isEqualTo(201);
        assertThat(majorDecision.statusCode()).isEqualTo(400);
        assertThat(TestHub.json(majorDecision).get("fields").get("closesAt").asText()).contains("30 日", "第十五条");
    }

    @Test
    void subscribersAreRemindedBeforeTheConsultationCloses() {
        try (TestHub hub = TestHub.start()) {
            List<String> phones = new Pushes(hub).subscribers("1360002", 2, "养老服务");
            OffsetDateTime now = OffsetDateTime.ofInstant(hub.clock().instant(), SunshineHubApplication.ZONE);
            // Closing 3 days and an hour from now: the reminder (3 days before) falls due when the clock moves an hour.
            hub.post("/api/intake/consultations", consultation("行政规范性文件", now.toString(),
                    now.plusDays(3).plusHours(1).toString(), ",\"shortPeriodReason\":\"测试：急需出台\""));
            Awaitility.await().atMost(TestHub.PATIENCE).untilAsserted(() ->
                    assertThat(texts(hub, phones.get(0))).anyMatch(t -> t.contains("公开征求意见，截止")));

            hub.clock().advance(Duration.ofHours(1).plusSeconds(1));

            Awaitility.await().atMost(TestHub.PATIENCE).untilAsserted(() -> assertThat(texts(hub, phones.get(0)))
                    .anyMatch(t -> t.contains("公开征求意见将于") && t.contains("尚未提出意见的可直接回复本短信")));
            assertThat(texts(hub, phones.get(1))).hasSize(2);
        }
    }

    @Test
    void aConsultationIsPushedCollectsOpinionsClosesAndReportsBackToParticipants() {
        try (TestHub hub = TestHub.start()) {
            Pushes pushes = new Pushes(hub);
            List<String> phones = pushes.subscribers("1360001", 3, "养老服务");
            OffsetDateTime now = OffsetDateTime.ofInstant(hub.clock().instant(), SunshineHubApplication.ZONE);
            String id = TestHub.json(hub.post("/api/intake/consultations",
                    consultation("行政规范性文件", now.toString(), now.plusDays(20).toString(), ""))).get("id").asText();

            Awaitility.await().atMost(TestHub.PATIENCE).untilAsserted(() ->
                    assertThat(texts(hub, phones.get(0))).anyMatch(t -> t.contains("公开征求意见")));

            hub.sandbox("POST", "/admin/sms-up", "{\"phone\":\"" + phones.get(0) + "\",\"content\":\"建议增加助餐服务\"}");
            HttpResponse<String> web = hub.post("/api/consultations/" + id + "/opinions",
                    "{\"phone\":\"13600019999\",\"text\":\"建议明确收费标准\",\"clientId\":\"form-1\"}");
            assertThat(web.statusCode()).isEqualTo(201);
            Awaitility.await().atMost(TestHub.PATIENCE).until(() ->
                    TestHub.json(hub.get("/api/feedback?itemId=" + id)).get("total").asLong() == 2);

            hub.clock().advance(Duration.ofDays(21));
            HttpResponse<String> late = hub.post("/api/consultations/" + id + "/opinions", "{\"text\":\"迟到的意见\"}");
            assertThat(late.statusCode()).isEqualTo(409);
            assertThat(TestHub.json(late).get("detail").asText()).contains("截止");
            hub.sandbox("POST", "/admin/sms-up", "{\"phone\":\"" + phones.get(1) + "\",\"content\":\"迟到的短信意见\"}");
            Awaitility.await().atMost(TestHub.PATIENCE).untilAsserted(() ->
                    assertThat(texts(hub, phones.get(1))).anyMatch(t -> t.contains("截止")));
            // a late reply and TD from one citizen in one push, then another's late reply: the one who left is
            // not told of the deadline (the other is, after the leaver's turn)
            hub.sandbox("POST", "/admin/sms-up", "{\"messages\":[{\"phone\":\"" + phones.get(2) + "\",\"content\":\"迟到\"},"
                    + "{\"phone\":\"" + phones.get(2) + "\",\"content\":\"TD\"},"
                    + "{\"phone\":\"" + phones.get(1) + "\",\"content\":\"又一条迟到的意见\"}]}");
            Awaitility.await().atMost(TestHub.PATIENCE).untilAsserted(() ->
                    assertThat(texts(hub, phones.get(1))).filteredOn(t -> t.contains("意见征集已于")).hasSize(2));
            assertThat(texts(hub, phones.get(2))).noneMatch(t -> t.contains("意见征集已于"));
            assertThat(TestHub.json(hub.get("/api/feedback?itemId=" + id)).get("total").asLong()).isEqualTo(2);

            assertThat(hub.post("/api/consultations/" + id + "/close", "").statusCode()).isEqualTo(409);
            assertThat(hub.post("/api/consultations/" + id + "/report", "{}").statusCode()).isEqualTo(409);
            for (JsonNode opinion : TestHub.json(hub.get("/api/feedback?itemId=" + id)).get("feedback")) {
                boolean meal = opinion.get("text").asText().contains("助餐");
                HttpResponse<String> marked = hub.send(hub.request("/api/consultations/" + id + "/opinions/"
                        + opinion.get("sourceKey").asText() + "/adoption").header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(meal ? "{\"adoption\":\"ADOPTED\"}"
                                : "{\"adoption\":\"NOT_ADOPTED\",\"reason\":\"收费标准由价格主管部门另行制定\"}")));
                assertThat(marked.statusCode()).isEqualTo(200);
            }

            HttpResponse<String> published = hub.post("/api/consultations/" + id + "/report", "{\"summary\":\"经认真研究\"}");
            assertThat(published.statusCode()).isEqualTo(201);
            assertThat(TestHub.json(published).get("text").asText())
                    .contains("共收到意见 2 条", "采纳 1 条", "未采纳 1 条", "建议明确收费标准：收费标准由价格主管部门另行制定");
            Awaitility.await().atMost(TestHub.PATIENCE).untilAsserted(() -> {
                assertThat(texts(hub, phones.get(0))).anyMatch(t -> t.contains("采纳情况已在政府网站公布"));
                assertThat(texts(hub, "13600019999")).anyMatch(t -> t.contains("采纳或部分采纳1条"));
            });
            assertThat(hub.get("/api/consultations/" + id + "/report").statusCode()).isEqualTo(200);
            assertThat(TestHub.json(hub.post("/api/consultations/" + id + "/close", "")).has("closedAt")).isTrue();
        }
    }
}
