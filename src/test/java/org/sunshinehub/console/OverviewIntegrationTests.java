package org.sunshinehub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.support.TestHub;

class OverviewIntegrationTests {

    private final TestHub hub = TestHub.shared();

    @Test
    void theOverviewShowsOpenConsultationsWithOpinionsAndOpinionTasksWithTheirDeadlines() {
        OffsetDateTime now = OffsetDateTime.ofInstant(hub.clock().instant(), SunshineHubApplication.ZONE);
        String title = "《关于规范殡葬服务收费的意见（征求意见稿）》" + UUID.randomUUID().toString().substring(0, 6);
        String consultation = TestHub.json(hub.post("/api/intake/consultations", """
                {"source":"website","sourceId":"%s","title":"%s","opensAt":"%s","closesAt":"%s"}"""
                .formatted(UUID.randomUUID(), title, now, now.plusDays(40)))).get("id").asText();
        hub.post("/api/consultations/" + consultation + "/opinions", "{\"text\":\"建议公开收费明细\"}");
        String task = TestHub.json(hub.post("/api/intake/opinion-monitor", """
                {"alertId":"%s","topic":"网传低保资金被挪用","level":"一般","detectedAt":"%s"}"""
                .formatted(UUID.randomUUID(), now))).get("id").asText();

        JsonNode overview = TestHub.json(hub.get("/api/overview"));

        JsonNode open = null;
        for (JsonNode c : overview.get("openConsultations")) {
            open = c.get("id").asText().equals(consultation) ? c : open;
        }
        assertThat(open).isNotNull();
        assertThat(open.get("opinions").asLong()).isEqualTo(1);
        assertThat(open.get("daysLeft").asLong()).isBetween(39L, 40L);
        JsonNode mine = null;
        for (JsonNode t : overview.get("opinionTasksByState").get("OPEN")) {
            mine = t.get("id").asText().equals(task) ? t : mine;
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("division").asText()).isEqualTo("social-assistance");
        assertThat(mine.get("deadlines").get(0).get("minutesLeft").asLong()).isBetween(47 * 60L, 48 * 60L);
        assertThat(overview.get("feedbackAwaitingAnswer").asLong()).isPositive();
    }
}
