package org.sunshinehub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sunshinehub.support.TestHub;

/** Many senders that start a body and never finish it: the hub keeps answering health and the API. */
class SlowClientsIntegrationTests {

    private static final int PER_KIND = 100;

    private final TestHub hub = TestHub.shared();

    @Test
    void healthAndTheApiAnswerWhileHundredsOfBodiesTrickle() throws Exception {
        String token = hub.property("sunshine.sms.callback-token");
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < PER_KIND; i++) {
                slow.add(startBody("/callbacks/aliyun-sms/wrong-token-0000000000/report", ""));
                slow.add(startBody("/callbacks/aliyun-sms/" + token + "/report", ""));
                slow.add(startBody("/api/intake/disclosures", "X-Api-Key: " + TestHub.API_KEY + "\r\n"));
            }

            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .untilAsserted(() -> {
                        assertThat(hub.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port()
                                + "/actuator/health/liveness")).timeout(Duration.ofSeconds(5))).statusCode())
                                .isEqualTo(200);
                        assertThat(hub.send(hub.request("/api/items?size=1").timeout(Duration.ofSeconds(5)))
                                .statusCode()).isEqualTo(200);
                    });
            // ... while trickling bodies with the right token, and to the API, are still being waited for.
            assertThat(slow.stream().filter(s -> slow.indexOf(s) % 3 != 0).filter(SlowClientsIntegrationTests::held))
                    .hasSizeGreaterThanOrEqualTo(2);
            // The wrong token was refused before its body: answered and closed, not left waiting.
            Socket refused = slow.get(0);
            refused.setSoTimeout(10_000);
            assertThat(new String(refused.getInputStream().readNBytes(12), StandardCharsets.US_ASCII))
                    .isEqualTo("HTTP/1.1 403");
        } finally {
            for (Socket s : slow) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }

    /** Not answered nor closed: the hub is still reading its body. */
    private static boolean held(Socket socket) {
        try {
            socket.setSoTimeout(100);
            return socket.getInputStream().read() < -1;
        } catch (java.net.SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends the head and the first chunk of a body that never ends. */
    private Socket startBody(String path, String headers) throws IOException {
        Socket socket = new Socket("127.0.0.1", hub.port());
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + headers
                + "Transfer-Encoding: chunked\r\n\r\n5\r\n[{\"a\"\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
