package org.sunshinehub.opiniontask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sunshinehub.opiniontask.SandboxTexts.awaitTexts;
import static org.sunshinehub.opiniontask.SandboxTexts.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.support.TestHub;

/**
 * A hot topic from the monitoring webhook through assignment, reminders, response and escalation, on the hub's
 * clock moved by the test; division phones are those of config/divisions.yaml.
 */
class OpinionTaskIntegrationTests {

    private static final String ELDERLY_CARE = "13800000101";
    private static final String LEADER = "13800000109";

    private static String alert(TestHub hub, String topic, String level) {
        String detectedAt = OffsetDateTime.ofInstant(hub.clock().instant(), SunshineHubApplication.ZONE).toString();
        JsonNode task = TestHub.json(hub.post("/api/intake/opinion-monitor", """
                {"alertId":"%s","topic":"%s","level":"%s","platform":"微博","detectedAt":"%s"}"""
                .formatted(UUID.randomUUID(), topic, level, detectedAt)));
        return task.get("id").asText();
    }

    @Test
    void aTaskIsAssignedRemindedAndNotRemindedOnceAnswered() {
        try (TestHub hub = TestHub.start()) {
            String task = alert(hub, "网传某区养老院拒收失能老人", "一般");

            awaitTexts(hub, ELDERLY_CARE, "舆情回应任务交办", 1);
            JsonNode created = TestHub.json(hub.get("/api/opinion-tasks/" + task));
            assertThat(created.get("division").asText()).isEqualTo("elderly-care");
            assertThat(created.get("deadlines").get(0).get("name").asText()).isEqualTo("回应关切");

            hub.clock().advance(Duration.ofHours(24).plusMinutes(1));
            awaitTexts(hub, ELDERLY_CARE, "舆情回应任务提醒", 1);
            hub.clock().advance(Duration.ofHours(14).plusMinutes(30));
            awaitTexts(hub, ELDERLY_CARE, "舆情回应任务提醒", 2);

            assertThat(TestHub.json(hub.post("/api/opinion-tasks/" + task + "/ack", "{\"by\":\"王处长\"}"))
                    .get("state").asText()).isEqualTo("ACKNOWLEDGED");
            JsonNode answered = TestHub.json(hub.post("/api/opinion-tasks/" + task + "/respond",
                    "{\"text\":\"经核查，该院已接收老人入住\",\"by\":\"王处长\"}"));
            assertThat(answered.get("state").asText()).isEqualTo("RESPONDED");

            hub.clock().advance(Duration.ofHours(10));
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(TestHub.PATIENCE).untilAsserted(() -> {
                assertThat(texts(hub, ELDERLY_CARE).stream().filter(t -> t.contains("提醒")).count()).isEqualTo(2);
                assertThat(texts(hub, LEADER)).isEmpty();
            });
        }
    }

    @Test
    void aMissedDeadlineIsEscalatedToTheLeaderAndMarkedOverdue() {
        try (TestHub hub = TestHub.start()) {
            String task = alert(hub, "敬老院消防隐患视频引发关注", "重大突发");
            awaitTexts(hub, ELDERLY_CARE, "交办", 1);

            hub.clock().advance(Duration.ofHours(5).plusMinutes(1));

            awaitTexts(hub, LEADER, "舆情回应任务逾期", 1);
            assertThat(texts(hub, LEADER).get(0)).contains("发布权威信息");
            JsonNode overdue = TestHub.json(hub.get("/api/opinion-tasks/" + task));
            assertThat(overdue.get("overdue").asBoolean()).isTrue();
            assertThat(overdue.get("deadlines").get(0).get("state").asText()).isEqualTo("OVERDUE");
            assertThat(overdue.get("deadlines").get(1).get("state").asText()).isEqualTo("OPEN");
        }
    }

    @Test
    void aReminderDueWhileTheHubWasDownIsSentOnceAtStart() {
        try (TestHub hub = TestHub.start()) {
            alert(hub, "网传养老补贴停发", "一般");
            awaitTexts(hub, ELDERLY_CARE, "交办", 1);

            hub.restart(Duration.ofHours(25));

            awaitTexts(hub, ELDERLY_CARE, "舆情回应任务提醒", 1);
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(TestHub.PATIENCE)
                    .untilAsserted(() -> assertThat(texts(hub, ELDERLY_CARE)).hasSize(1));
        }
    }

    @Test
    void aDivisionAcknowledgesByReplyingWithTheTaskCode() {
        try (TestHub hub = TestHub.start()) {
            String task = alert(hub, "网传养老机构收费乱象", "一般");
            awaitTexts(hub, ELDERLY_CARE, "交办", 1);
            String code = TestHub.json(hub.get("/api/opinion-tasks/" + task)).get("code").asText();
            assertThat(texts(hub, ELDERLY_CARE).get(0)).contains("任务码" + code);

            hub.sandbox("POST", "/admin/sms-up", "{\"phone\":\"13800000999\",\"content\":\"" + code + " 已阅\"}");
            hub.sandbox("POST", "/admin/sms-up", "{\"phone\":\"" + ELDERLY_CARE + "\",\"content\":\"" + code + " 已阅\"}");

            Awaitility.await().atMost(TestHub.PATIENCE).untilAsserted(() -> {
                JsonNode acknowledged = TestHub.json(hub.get("/api/opinion-tasks/" + task));
                assertThat(acknowledged.get("state").asText()).isEqualTo("ACKNOWLEDGED");
                assertThat(acknowledged.get("ackBy").asText()).isEqualTo("王处长（短信）");
            });
        }
    }

    @Test
    void aSupervisionLetterIsDueInWorkingDaysAndAResponseCanBePublishedAsADisclosure() {
        try (TestHub hub = TestHub.start()) {
            OffsetDateTime now = OffsetDateTime.ofInstant(hub.clock().instant(), SunshineHubApplication.ZONE);
            String task = TestHub.json(hub.post("/api/intake/opinion-tasks", """
                    {"source":"supervision","sourceId":"%s","title":"省政府督办：低保资金发放进度","division":"social-assistance",
                     "publishedAt":"%s","supervisionWorkingDays":5}""".formatted(UUID.randomUUID(), now))).get("id").asText();
            String fifthWorkingDay = TestHub.json(hub.get("/api/calendar/working-days?from=" + now.toLocalDate() + "&add=5"))
                    .get("date").asText();

            JsonNode deadlines = TestHub.json(hub.get("/api/opinion-tasks/" + task)).get("deadlines");
            assertThat(deadlines.get(1).get("name").asText()).isEqualTo("督办函办结（5个工作日）");
            assertThat(deadlines.get(1).get("due").asText()).startsWith(fifthWorkingDay + "T18:00:00");

            JsonNode responded = TestHub.json(hub.post("/api/opinion-tasks/" + task + "/respond",
                    "{\"text\":\"全省低保资金已于本月全部发放到位\",\"by\":\"陈处长\",\"publish\":true}"));
            String published = responded.get("publishedAs").get(0).asText();
            JsonNode disclosure = TestHub.json(hub.get("/api/items/" + published));
            assertThat(disclosure.get("kind").asText()).isEqualTo("DISCLOSURE");
            assertThat(disclosure.get("state").asText()).isEqualTo("PENDING_REVIEW");
            assertThat(disclosure.get("issuer").asText()).isEqualTo("社会救助处");
            assertThat(hub.post("/api/intake/opinion-tasks", "{\"source\":\"s\",\"sourceId\":\"x\",\"title\":\"t\","
                    + "\"supervisionWorkingDays\":0}").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aDocumentStillWithoutAnInterpretationRaisesATaskForItsDraftingDivision() {
        try (TestHub hub = TestHub.start("--sunshine.interpretations.required-categories=政策文件")) {
            String lonely = TestHub.json(hub.post("/api/intake/disclosures", """
                    {"source":"website","sourceId":"%s","title":"关于提高养老服务补贴标准的通知","category":"政策文件",
                     "docNumber":"粤民规〔2026〕7号"}""".formatted(UUID.randomUUID()))).get("id").asText();
            hub.post("/api/intake/disclosures", """
                    {"source":"website","sourceId":"%s","title":"关于养老机构星级评定的通知","category":"政策文件",
                     "docNumber":"粤民规〔2026〕8号"}""".formatted(UUID.randomUUID()));
            hub.post("/api/intake/interpretations", """
                    {"source":"website","sourceId":"%s","title":"星级评定政策解读","explainsDocNumber":"粤民规〔2026〕8号"}"""
                    .formatted(UUID.randomUUID()));

            hub.clock().advance(Duration.ofDays(10));

            awaitTexts(hub, ELDERLY_CARE, "尚无政策解读", 1);
            JsonNode raised = TestHub.json(hub.get("/api/items?kind=OPINION_TASK&q=尚无政策解读")).get("items");
            assertThat(raised).hasSize(1);
            assertThat(raised.get(0).get("sourceId").asText()).isEqualTo(lonely);
        }
    }

    @Test
    void aTaskThatMatchesNoDivisionWaitsForStaffToAssignIt() {
        try (TestHub hub = TestHub.start()) {
            String task = alert(hub, "网传某地公交线路调整", "一般");

            assertThat(TestHub.json(hub.get("/api/opinion-tasks/" + task)).has("division")).isFalse();
            assertThat(hub.post("/api/opinion-tasks/" + task + "/assign", "{\"division\":\"no-such\"}").statusCode())
                    .isEqualTo(400);
            hub.post("/api/opinion-tasks/" + task + "/assign", "{\"division\":\"press-office\"}");

            awaitTexts(hub, "13800000301", "舆情回应任务交办", 1);
        }
    }
}
