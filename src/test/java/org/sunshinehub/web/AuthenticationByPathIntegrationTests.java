package org.sunshinehub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sunshinehub.support.TestHub;

/**
 * Every spelling of a protected path a client can send, anonymous and with the wrong kind of key, for GET, POST and
 * DELETE: never a 2xx. Each either reaches the handler under authentication or is refused.
 */
class AuthenticationByPathIntegrationTests {

    static final String INTAKE_KEY = "intake-key-0123456789abcdef";
    static final String MONITOR_KEY = "monitor-key-0123456789abcdef";
    private static TestHub hub;
    private static String subscriber;

    @BeforeAll
    static void start() {
        hub = TestHub.start(
                "--sunshine.api.clients[0].name=oa-intake", "--sunshine.api.clients[0].key=" + INTAKE_KEY,
                "--sunshine.api.clients[0].scopes=intake",
                "--sunshine.api.clients[1].name=opinion-monitor", "--sunshine.api.clients[1].key=" + MONITOR_KEY,
                "--sunshine.api.clients[1].scopes=opinion-monitor");
        subscriber = TestHub.json(hub.post("/api/subscribers", "{\"phone\":\"13600000077\",\"topics\":[\"养老\"]}"))
                .get("id").asText();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    /** Ways to write {@code /api/<rest>} that a server could read as that path, or as something else. */
    static List<String> spellings(String rest) {
        String first = rest.substring(0, 1);
        String encodedFirst = "%" + Integer.toHexString(first.charAt(0));
        return List.of("/api/" + rest, "/api;x/" + rest, "/api;jsessionid=1/" + rest, "/api/" + rest + ";x",
                "/%61pi/" + rest, "/%41PI/" + rest, "/api/" + encodedFirst + rest.substring(1), "//api/" + rest,
                "/api//" + rest, "/api/./" + rest, "/./api/" + rest, "/api/../api/" + rest, "/x/../api/" + rest,
                "/api/%2e/" + rest, "/api/%2E%2E/api/" + rest, "/api%2F" + rest, "/api%2f" + rest, "/api%252F" + rest,
                "/api\\" + rest, "/api/" + rest.replace("/", "\\"), "/API/" + rest, "/Api/" + rest,
                "/api/" + rest.toUpperCase(), "/api/" + rest + "/", "/api/" + rest + "//", "/api/" + rest + "%00",
                "/api/" + rest + "%20", "/api/" + rest + ".json", "/api/" + rest + "?x=1", "/api/%20/" + rest,
                "/api/" + rest + "%2F", "/api/" + rest + "/.", "/api/" + rest + "/..;/" + rest);
    }

    static Stream<Arguments> staffPathsWithoutTheRightKey() {
        Map<String, String> staffPaths = new LinkedHashMap<>();
        staffPaths.put("GET", "items");
        staffPaths.put("POST", "intake/disclosures");
        staffPaths.put("DELETE", "subscribers/{id}/channels/sms");
        List<Arguments> cases = new ArrayList<>();
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("anonymous", null);
        credentials.put("app key", TestHub.APP_KEY);
        staffPaths.forEach((method, rest) -> credentials.forEach((who, key) -> spellings(rest)
                .forEach(path -> cases.add(Arguments.of(method, path, who, key)))));
        // Scoped keys reach their own paths only.
        spellings("items").forEach(path -> cases.add(Arguments.of("GET", path, "intake key", INTAKE_KEY)));
        spellings("subscribers/{id}/channels/sms")
                .forEach(path -> cases.add(Arguments.of("DELETE", path, "intake key", INTAKE_KEY)));
        spellings("intake/disclosures")
                .forEach(path -> cases.add(Arguments.of("POST", path, "monitor key", MONITOR_KEY)));
        return cases.stream();
    }

    static Stream<Arguments> appPathsWithAStaffKey() {
        List<Arguments> cases = new ArrayList<>();
        spellings("app/devices/1a0018970a1b2c3d").forEach(path -> cases.add(Arguments.of("DELETE", path,
                TestHub.API_KEY)));
        spellings("app/feedback").forEach(path -> cases.add(Arguments.of("POST", path, INTAKE_KEY)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} ({2})")
    @MethodSource("staffPathsWithoutTheRightKey")
    void aStaffPathIsNeverAnsweredWithoutAStaffKey(String method, String path, String who, String key) {
        RawHttp.Answer answer = send(method, path.replace("{id}", subscriber), key, "probe");

        assertRefused(answer);
        assertThat(answer.text()).doesNotContain("\"items\"", "\"kind\"", "Exception", "at org.");
    }

    /**
     * A 4xx, or, for a spelling Spring does not route to the API at all (paths are case-sensitive: {@code /API/…}),
     * the console's redirect to its sign-in page.
     */
    private static void assertRefused(RawHttp.Answer answer) {
        if (answer.status() == 302) {
            assertThat(answer.text()).as(answer.text()).containsPattern("(?m)^Location: \\S*/login\\r?$");
        } else {
            assertThat(answer.status()).as(answer.text()).isBetween(400, 499);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("appPathsWithAStaffKey")
    void theAppApiIsNeverAnsweredWithoutAnAppKey(String method, String path, String key) {
        RawHttp.Answer answer = send(method, path, key, "probe");

        assertRefused(answer);
    }

    @Test
    void afterEveryAttemptTheSubscriberStillHasSmsAndNoItemWasTakenIn() {
        staffPathsWithoutTheRightKey().forEach(a -> send((String) a.get()[0],
                ((String) a.get()[1]).replace("{id}", subscriber), (String) a.get()[3], "probe"));

        assertThat(TestHub.json(hub.get("/api/subscribers/" + subscriber)).toString()).doesNotContain("optedOut\":[\"SMS");
        assertThat(hub.items("q=" + java.net.URLEncoder.encode("探测probe", java.nio.charset.StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void eachKeyReachesItsOwnPathsAndRefusalsAreProblemJson() {
        assertThat(send("GET", "/api/items", TestHub.API_KEY, "legit").status()).isEqualTo(200);
        assertThat(send("GET", "/api/app/devices/1a0018970a1b2c3d", TestHub.APP_KEY, "legit").status())
                .isNotIn(401, 403);
        assertThat(send("POST", "/api/intake/disclosures", INTAKE_KEY, "legit").status()).isEqualTo(201);
        assertThat(send("POST", "/api/intake/opinion-monitor", MONITOR_KEY, "legit").status()).isNotIn(401, 403);
        RawHttp.Answer forbidden = send("POST", "/api/intake/opinion-monitor", INTAKE_KEY, "legit");
        RawHttp.Answer anonymous = send("GET", "/api/items", null, "legit");
        RawHttp.Answer rejected = send("GET", "/api;x/items", TestHub.API_KEY, "legit");

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(rejected.status()).isEqualTo(400);
        for (RawHttp.Answer a : List.of(forbidden, anonymous, rejected)) {
            assertThat(a.text()).contains("Content-Type: application/problem+json").doesNotContain("<html");
        }
        assertThat(anonymous.text()).contains("WWW-Authenticate: ApiKey").doesNotContain("Basic");
    }

    private static RawHttp.Answer send(String method, String path, String key, String source) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (key != null) {
            headers.put("X-Api-Key", key);
        }
        String body = null;
        if (method.equals("POST")) {
            headers.put("Content-Type", "application/json");
            body = "{\"source\":\"" + source + "\",\"sourceId\":\"p-1\",\"title\":\"探测" + source + "\",\"issuer\":\"探测\"}";
        }
        return RawHttp.send(hub.port(), method, path, headers, body);
    }
}
