package org.sunshinehub.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.support.HubProcess;
import org.sunshinehub.support.Pushes;
import org.sunshinehub.support.TestHub;

/** Plans and fan-outs across restarts and crashes. */
class PushRecoveryIntegrationTests {

    @Test
    void aScheduledPlanSurvivesARestartAndFiresOnce() {
        try (TestHub hub = TestHub.start()) {
            Pushes pushes = new Pushes(hub);
            List<String> phones = pushes.subscribers("1380001", 5, "t-restart");
            String item = pushes.approvedItem("关于调整最低工资标准的通知");
            String inFourSeconds = OffsetDateTime.ofInstant(hub.clock().instant().plusSeconds(4),
                    SunshineHubApplication.ZONE).toString();
            String plan = pushes.plan(item, "t-restart", "\"sendAt\":\"" + inFourSeconds + "\"").get("id").asText();

            hub.restart();

            new Pushes(hub).awaitCount(plan, "DELIVERED", 5, Duration.ofSeconds(20));
            assertThat(phones).allSatisfy(p -> assertThat(new Pushes(hub).sentTo(p)).hasSize(1));
        }
    }

    @Test
    void aPlanDueWhileTheHubWasDownFiresOnceAtStart() {
        try (TestHub hub = TestHub.start()) {
            Pushes pushes = new Pushes(hub);
            List<String> phones = pushes.subscribers("1380002", 5, "t-down");
            String item = pushes.approvedItem("关于冬季供暖保障的通知");
            String inTwoSeconds = OffsetDateTime.ofInstant(hub.clock().instant().plusSeconds(2),
                    SunshineHubApplication.ZONE).toString();
            String plan = pushes.plan(item, "t-down", "\"sendAt\":\"" + inTwoSeconds + "\"").get("id").asText();

            hub.restartAfter(Duration.ofSeconds(3));

            Pushes after = new Pushes(hub);
            after.awaitCount(plan, "DELIVERED", 5, Duration.ofSeconds(20));
            assertThat(phones).allSatisfy(p -> assertThat(after.sentTo(p)).hasSize(1));
        }
    }

    @Test
    void killingTheHubInTheMiddleOfAFanOutEndsWithExactlyOneDeliveryPerRecipient(@TempDir Path home) throws Exception {
        int audience = 20_000;
        HubProcess hub = new HubProcess(home, "--sunshine.demo.subscribers=" + audience,
                "--sunshine.dispatch.channels.sms.batch-size=100", "--sunshine.dispatch.channels.sms.quiet-hours=",
                "--sunshine.dispatch.lease=3s", "--sunshine.dispatch.sweep-interval=1s");
        hub.start();
        String item = TestHub.json(hub.post("/api/intake/disclosures", """
                {"source":"website","sourceId":"%s","title":"关于全省城乡低保标准的公告"}""".formatted(UUID.randomUUID())))
                .get("id").asText();
        String plan = TestHub.json(hub.post("/api/plans",
                "{\"itemId\":\"" + item + "\",\"channels\":[\"sms\"],\"audience\":{\"all\":true}}")).get("id").asText();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> total(hub, plan) > 0);

        hub.kill();
        hub.start();

        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode counts = counts(hub, plan);
            assertThat(counts.path("PENDING").asLong()).isZero();
            assertThat(sum(counts)).isEqualTo(audience);
        });
        java.nio.file.Files.copy(home.resolve("hub.log"), Path.of("/tmp/kill-hub.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(java.nio.file.Files.readString(home.resolve("hub.log")))
                .as("the kill landed before the fan-out finished, so the restart resumed it")
                .contains("Fan-out of " + plan + ":sms done").contains(", resumed)");
    }

    private static long total(HubProcess hub, String plan) throws Exception {
        return sum(counts(hub, plan));
    }

    private static JsonNode counts(HubProcess hub, String plan) throws Exception {
        return TestHub.json(hub.get("/api/plans/" + plan)).path("counts").path("sms");
    }

    private static long sum(JsonNode counts) {
        long n = 0;
        for (JsonNode c : counts) {
            n += c.asLong();
        }
        return n;
    }
}
