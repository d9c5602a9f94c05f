package org.sunshinehub.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
            String inAnHour = OffsetDateTime.ofInstant(hub.clock().instant().plus(Duration.ofHours(1)),
                    SunshineHubApplication.ZONE).toString();
            String plan = pushes.plan(item, "t-restart", "\"sendAt\":\"" + inAnHour + "\"").get("id").asText();

            hub.restart();
            hub.clock().advance(Duration.ofHours(1).plusSeconds(1));

            new Pushes(hub).awaitCount(plan, "DELIVERED", 5, TestHub.PATIENCE);
            assertThat(phones).allSatisfy(p -> assertThat(new Pushes(hub).sentTo(p)).hasSize(1));
        }
    }

    @Test
    void aPlanDueWhileTheHubWasDownFiresOnceAtStart() {
        try (TestHub hub = TestHub.start()) {
            Pushes pushes = new Pushes(hub);
            List<String> phones = pushes.subscribers("1380002", 5, "t-down");
            String item = pushes.approvedItem("关于冬季供暖保障的通知");
            String inAnHour = OffsetDateTime.ofInstant(hub.clock().instant().plus(Duration.ofHours(1)),
                    SunshineHubApplication.ZONE).toString();
            String plan = pushes.plan(item, "t-down", "\"sendAt\":\"" + inAnHour + "\"").get("id").asText();

            hub.restart(Duration.ofHours(1).plusSeconds(1));

            Pushes after = new Pushes(hub);
            after.awaitCount(plan, "DELIVERED", 5, TestHub.PATIENCE);
            assertThat(phones).allSatisfy(p -> assertThat(after.sentTo(p)).hasSize(1));
        }
    }

    @Test
    // Two starts of a hub with 20,000 subscribers and their fan-out: minutes each on a loaded machine.
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void killingTheHubInTheMiddleOfAFanOutEndsWithExactlyOneDeliveryPerRecipient(@TempDir Path home) throws Exception {
        int audience = 20_000;
        try (HubProcess hub = new HubProcess(home, "--sunshine.demo.subscribers=" + audience,
                "--sunshine.dispatch.channels.sms.batch-size=100", "--sunshine.dispatch.channels.sms.quiet-hours=",
                "--sunshine.dispatch.lease=3s", "--sunshine.dispatch.sweep-interval=1s")) {
            hub.start();
            String item = TestHub.json(hub.post("/api/intake/disclosures", """
                    {"source":"website","sourceId":"%s","title":"关于全省城乡低保标准的公告"}""".formatted(UUID.randomUUID())))
                    .get("id").asText();
            String plan = TestHub.json(hub.post("/api/plans",
                    "{\"itemId\":\"" + item + "\",\"channels\":[\"sms\"],\"audience\":{\"all\":true}}")).get("id").asText();
            hub.await("the fan-out has begun", TestHub.PATIENCE, () -> assertThat(total(hub, plan)).isPositive());

            hub.kill();
            hub.start();

            hub.await("every delivery settled", Duration.ofMinutes(10), () -> {
                JsonNode counts = counts(hub, plan);
                assertThat(sum(counts)).as(counts.toString()).isEqualTo(audience);
                assertThat(counts.path("PENDING").asLong()).as(counts.toString()).isZero();
            });
            assertThat(Files.readString(home.resolve("hub.log")))
                    .as("the kill landed before the fan-out finished, so the restart resumed it")
                    .contains("Fan-out of " + plan + ":sms done").contains(", resumed)");
        }
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
