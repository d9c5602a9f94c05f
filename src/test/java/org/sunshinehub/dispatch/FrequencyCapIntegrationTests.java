package org.sunshinehub.dispatch;

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

/** A daily cap of 2 SMS per citizen: the rest waits for the next morning, one by one or as one digest. */
class FrequencyCapIntegrationTests {

    @Test
    void overTheCapMessagesAreDigestedOrDeferredToTheNextMorningAndUrgentOnesAreNotCapped() {
        try (TestHub hub = TestHub.start("--sunshine.dispatch.channels.sms.daily-cap=2")) {
            Pushes pushes = new Pushes(hub);
            pushes.subscribers("1380000", 1, "摘要话题");
            pushes.subscribers("1381000", 1, "顺延话题");
            List<String> digestPlans = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                digestPlans.add(plan(hub, pushes.approvedItem("摘要测试公告" + i), "摘要话题", ",\"overCap\":\"digest\""));
            }
            List<String> deferPlans = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                deferPlans.add(plan(hub, pushes.approvedItem("顺延测试公告" + i), "顺延话题", ""));
            }
            plan(hub, pushes.approvedItem("紧急通知"), "顺延话题", ",\"urgent\":true");

            Awaitility.await().atMost(TestHub.PATIENCE).untilAsserted(() -> {
                assertThat(pushes.sentTo("13800000000")).hasSize(2);
                assertThat(pushes.sentTo("13810000000")).hasSize(3);
                assertThat(total(hub, digestPlans, "DIGESTED")).isEqualTo(2);
                assertThat(total(hub, deferPlans, "PENDING")).isEqualTo(1);
            });
            assertThat(texts(pushes, "13810000000")).anyMatch(t -> t.contains("紧急通知"));
            // A plan whose message waits in a digest, or for the morning, is not complete yet.
            assertThat(digestPlans.stream().filter(p -> count(hub, p, "DIGESTED") == 1).map(p -> state(hub, p)))
                    .hasSize(2).containsOnly("SENDING");
            assertThat(deferPlans.stream().filter(p -> count(hub, p, "PENDING") == 1).map(p -> state(hub, p)))
                    .containsExactly("SENDING");

            hub.clock().advance(Duration.ofHours(22).plusMinutes(1));
            Awaitility.await().atMost(TestHub.PATIENCE).untilAsserted(() -> {
                assertThat(pushes.sentTo("13800000000")).hasSize(3);
                assertThat(pushes.sentTo("13810000000")).hasSize(4);
            });
            String digest = texts(pushes, "13800000000").get(2);
            assertThat(digest).contains("您有2条政府信息");
            assertThat(texts(pushes, "13800000000").subList(0, 2)).noneMatch(t -> t.contains("您有"));
            assertThat(total(hub, deferPlans, "PENDING")).isZero();
            Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                    java.util.stream.Stream.concat(digestPlans.stream(), deferPlans.stream()).map(p -> state(hub, p)))
                    .containsOnly("COMPLETED"));
        }
    }

    private static String plan(TestHub hub, String item, String topic, String extra) {
        HttpResponse<String> created = hub.post("/api/plans", "{\"itemId\":\"" + item + "\",\"channels\":[\"sms\"],"
                + "\"audience\":{\"topics\":[\"" + topic + "\"]}" + extra + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestHub.json(created).get("id").asText();
    }

    private static long count(TestHub hub, String plan, String state) {
        return TestHub.json(hub.get("/api/plans/" + plan)).at("/counts/sms/" + state).asLong();
    }

    private static String state(TestHub hub, String plan) {
        return TestHub.json(hub.get("/api/plans/" + plan)).get("state").asText();
    }

    private static long total(TestHub hub, List<String> plans, String state) {
        return plans.stream().mapToLong(p -> TestHub.json(hub.get("/api/plans/" + p)).at("/counts/sms/" + state).asLong())
                .sum();
    }

    private static List<String> texts(Pushes pushes, String phone) {
        List<String> texts = new ArrayList<>();
        for (JsonNode m : pushes.sentTo(phone)) {
            texts.add(m.get("text").asText());
        }
        return texts;
    }
}
