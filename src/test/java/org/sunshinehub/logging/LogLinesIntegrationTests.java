package org.sunshinehub.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.sunshinehub.support.HubProcess;
import org.sunshinehub.support.TestHub;

/**
 * Log lines in Beijing time with the offset and each API call's request id, as text and, with
 * {@code logging.structured.format.console=ecs}, as JSON lines that are masked like the text.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogLinesIntegrationTests {

    private static final String PHONE = "13912345678";

    @Test
    void anApiCallsLinesCarryItsRequestIdAndBeijingTime(CapturedOutput output) {
        TestHub hub = TestHub.shared();
        String id = "oa-" + UUID.randomUUID().toString().substring(0, 8);
        // When an item arrives through the API with a request id, and another with one that is not plain
        HttpResponse<String> given = hub.send(hub.request("/api/intake/disclosures").header("X-Request-Id", id)
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        item(id))));
        HttpResponse<String> forged = hub.send(hub.request("/api/items").header("X-Request-Id", "a b{}"));

        // Then the id is echoed and is on the line the intake logged, which is in Beijing time with its offset
        assertThat(given.headers().firstValue("X-Request-Id")).hasValue(id);
        assertThat(forged.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f-]{36}");
        String line = output.getOut().lines().filter(l -> l.contains("Received") && l.contains(id + "》"))
                .findFirst().orElseThrow();
        assertThat(line).matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+08:00 .*").contains("[" + id + "]");
    }

    @Test
    void structuredLogLinesAreJsonMaskedInBeijingTimeWithTheRequestId(@TempDir Path home) throws Exception {
        // Given a hub (in its own JVM, for logging is global) writing ECS JSON lines
        try (HubProcess hub = new HubProcess(home, "--logging.structured.format.console=ecs")) {
            hub.start();
            // When an item whose title holds a phone number arrives through the API
            assertThat(hub.post("/api/intake/disclosures", item("咨询电话" + PHONE)).statusCode()).isEqualTo(201);
            // Then its line is JSON with the message masked, the time in Beijing and the call's request id
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(home.resolve("hub.log"))
                    .contains("咨询电话"));
        }
        List<String> lines = Files.readAllLines(home.resolve("hub.log"));
        assertThat(String.join("\n", lines)).doesNotContain(PHONE);
        JsonNode received = null;
        ObjectMapper json = new ObjectMapper();
        for (String l : lines) {
            if (l.startsWith("{") && l.contains("咨询电话")) {
                received = json.readTree(l);
            }
        }
        assertThat(received).isNotNull();
        assertThat(received.get("message").asText()).contains("咨询电话139****5678");
        assertThat(received.get("@timestamp").asText()).endsWith("+08:00");
        assertThat(received.path("requestId").asText()).matches("[0-9a-f-]{36}");
    }

    private static String item(String title) {
        return """
                {"source":"website","sourceId":"%s","title":"%s","issuer":"广东省民政厅",
                 "url":"https://smzt.gd.gov.cn/zwgk/log.html"}""".formatted(UUID.randomUUID(), title);
    }
}
