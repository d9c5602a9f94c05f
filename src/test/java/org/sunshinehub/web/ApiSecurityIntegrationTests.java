package org.sunshinehub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sunshinehub.support.TestHub;

class ApiSecurityIntegrationTests {

    private final TestHub hub = TestHub.shared();

    private HttpRequest.Builder withoutKey(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port() + path));
    }

    @Test
    void apiNeedsTheKeyButHealthAndMetricsDoNot() {
        HttpResponse<String> missing = hub.send(withoutKey("/api/items"));
        HttpResponse<String> wrong = hub.send(withoutKey("/api/items").header("X-Api-Key", "test-kez"));

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("test-key");
        assertThat(hub.get("/api/items").statusCode()).isEqualTo(200);
        // Readiness waits for Camel's consumers to have polled once.
        Awaitility.await().atMost(TestHub.PATIENCE)
                .until(() -> hub.send(withoutKey("/actuator/health")).statusCode() == 200);
        assertThat(hub.send(withoutKey("/actuator/health")).body()).contains("\"status\":\"UP\"");
        assertThat(hub.send(withoutKey("/actuator/prometheus")).body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void bodiesOverTheCapAreRefusedWith413DeclaredOrChunked() {
        byte[] big = new byte[1024 * 1024 + 10];
        Arrays.fill(big, (byte) ' ');

        HttpResponse<String> declared = hub.send(hub.request("/api/intake/disclosures")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(big)));
        HttpResponse<String> chunked = hub.send(hub.request("/api/intake/disclosures")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(chunked.statusCode()).isEqualTo(413);
    }
}
