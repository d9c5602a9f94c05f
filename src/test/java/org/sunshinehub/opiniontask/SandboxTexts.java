package org.sunshinehub.opiniontask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.sunshinehub.support.TestHub;

/** What the sandbox sent to a division's phone, as texts. */
final class SandboxTexts {

    private SandboxTexts() {
    }

    static List<String> texts(TestHub hub, String phone) {
        List<String> texts = new ArrayList<>();
        TestHub.json(hub.sandbox("GET", "/admin/sms?phone=" + phone, null)).get("messages")
                .forEach(m -> texts.add(m.get("text").asText()));
        return texts;
    }

    static void awaitTexts(TestHub hub, String phone, String containing, int count) {
        Awaitility.await().atMost(TestHub.PATIENCE).untilAsserted(() ->
                assertThat(texts(hub, phone).stream().filter(t -> t.contains(containing)).count()).isEqualTo(count));
    }
}
