package org.sunshinehub.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.sunshinehub.storage.EmbeddedStoreProcess;
import org.sunshinehub.support.ChildJvm;
import org.sunshinehub.support.HubProcess;
import org.sunshinehub.support.TestHub;

/**
 * Issue #14's acceptance: three hubs (JVMs of their own) on one store send one plan's SMS, one request per
 * recipient, through one sandbox, with the SMS rate set to {@value #QPS} a second. The sandbox never sees more than
 * that rate plus the burst the shared bucket allows; after a kill -9 of one hub mid-send the other two finish the
 * plan and every recipient gets the SMS exactly once.
 */
class ProviderRateAcrossInstancesIntegrationTests {

    private static final int QPS = 20;
    private static final int RECIPIENTS = 240;
    private static final int HUBS = 3;
    private static final LeaseSizing SIZING = new LeaseSizing(QPS);
    /**
     * What can reach the provider in one second beyond the rate: the bucket's saved-up budget (one lease) and what
     * each instance still holds of its last lease (a lease less the token it spent on drawing it).
     */
    private static final int BURST = SIZING.size() + HUBS * (SIZING.size() - 1);
    /**
     * Tokens the test owes the shared bucket to make every hub wait: three seconds of the rate, well within the
     * block lease (a block's lease is not renewed while its worker waits, and one that ran out would be taken over
     * and sent by another hub as well).
     */
    private static final int DEBT = 3 * QPS;
    /**
     * Hubs A and B both look for the blocks of a dead hub, so both may find the same expired block: only one may
     * take it over (a compare-and-set on its lease), or its recipients would be served twice.
     */
    private static final String SWEEPER = "1s";
    private static final String NO_SWEEPS = "1h";
    private static final Duration PATIENCE = TestHub.PATIENCE;
    private static final Pattern STORE_URI = Pattern.compile("URI (\\S+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void threeHubsKeepToOneRateAndAKilledHubLeavesEveryRecipientServedOnce(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path home) throws Exception {
        try (ChildJvm store = ChildJvm.start(EmbeddedStoreProcess.class, home.resolve("store.log"),
                List.of("-Xmx512m"), List.of("memory"))) {
            String uri = store.awaitLine(STORE_URI, PATIENCE).group(1);
            // The sandbox runs in hub A; B and C send their SMS there. Its port is picked as the sandbox picks
            // its own, so the three hubs can start at once.
            String sandbox = String.valueOf(freePort());
            String endpoint = "--sunshine.sms.aliyun.endpoint=127.0.0.1:" + sandbox;
            try (MongoClient client = MongoClients.create(uri);
                 HubProcess a = hub(home, "a", uri, SWEEPER, "--sunshine.sandbox.port=" + sandbox,
                         "--sunshine.demo.subscribers=" + RECIPIENTS);
                 HubProcess b = hub(home, "b", uri, SWEEPER, endpoint);
                 HubProcess c = hub(home, "c", uri, NO_SWEEPS, endpoint)) {
                CompletableFuture.allOf(Stream.of(a, b, c).map(hub -> CompletableFuture.runAsync(hub::start))
                        .toArray(CompletableFuture[]::new)).get(15, TimeUnit.MINUTES);
                sendKillAndFinish(client.getDatabase("sunshine"), a, c, sandbox, home);
            }
        }
    }

    private static void sendKillAndFinish(MongoDatabase database, HubProcess a, HubProcess c, String sandbox,
                                          Path logs) throws Exception {
        // Given an approved item, and a plan sending it to all the recipients by SMS
        String item = TestHub.json(a.post("/api/intake/disclosures", """
                {"source":"website","sourceId":"%s","title":"关于三实例共享短信限额的公告","issuer":"广东省民政厅","category":"社会救助"}
                """.formatted(UUID.randomUUID()))).get("id").asText();
        HttpResponse<String> created = a.post("/api/plans",
                "{\"itemId\":\"" + item + "\",\"channels\":[\"sms\"],\"audience\":{\"all\":true}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String plan = TestHub.json(created).get("id").asText();

        // When a third of them have their SMS, the test owes the shared bucket three seconds of tokens, so every hub
        // waits for the budget; once no request has arrived for a second and each block the sandbox got is recorded
        // as sent, the third hub is killed. Aliyun's SendSms is not idempotent: a kill between the provider's
        // accept and the outcome's write would send that block again (dispatch's window, not the limiter's), so the
        // kill lands while every hub waits for the budget.
        a.await("a third of the recipients served", PATIENCE,
                () -> assertThat(phones(sandbox, plan).size()).isGreaterThanOrEqualTo(RECIPIENTS / 3));
        owe(database, DEBT);
        a.await("nothing in flight", PATIENCE, () -> {
            assertThat(quietMillis(sandbox)).isGreaterThan(1_000);
            assertThat(unrecorded(database, sandbox, plan)).isZero();
        });
        int beforeKill = phones(sandbox, plan).size();
        c.kill();

        // Then the two others finish the plan: every recipient's SMS arrives once, and each is delivered
        a.await("every recipient served", PATIENCE,
                () -> assertThat(phones(sandbox, plan).keySet()).hasSize(RECIPIENTS));
        a.await("every delivery confirmed", PATIENCE, () -> assertThat(TestHub.json(a.get("/api/plans/" + plan))
                .path("counts").path("sms").path("DELIVERED").asLong()).isEqualTo(RECIPIENTS));
        assertThat(beforeKill).as("the kill landed mid-send").isLessThan(RECIPIENTS);
        assertThat(phones(sandbox, plan).entrySet()).as("recipients whose SMS came more than once, with the OutIds "
                + "(hub logs in " + logs + ")").filteredOn(sent -> sent.getValue().size() > 1).isEmpty();
        assertThat(owners(database, plan)).as("hubs that sent blocks of the plan").hasSize(HUBS);

        // And the provider never saw more than the rate, measured over every 1 s window
        List<Long> arrivals = new ArrayList<>();
        sandbox(sandbox, "/admin/sms/arrivals").get("arrivals").forEach(t -> arrivals.add(t.asLong()));
        int peak = peakPerSecond(arrivals);
        double seconds = (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1000.0;
        System.out.printf("sandbox peak rate %d requests over 1 s windows, configured %d/s (bound %d: + a burst of %d "
                + "for %d hubs, leases of %d); %d requests in %.1f s including %.1f s owed, %d served before the kill%n",
                peak, QPS, QPS + BURST, BURST, HUBS, SIZING.size(), arrivals.size(), seconds, (double) DEBT / QPS,
                beforeKill);
        assertThat(arrivals).hasSize(RECIPIENTS);
        assertThat(peak).isLessThanOrEqualTo(QPS + BURST);
    }

    /** The most arrivals within any 1 s window, [t, t + 1 s), t being each arrival. */
    static int peakPerSecond(List<Long> sortedMillis) {
        int peak = 0;
        int from = 0;
        for (int to = 0; to < sortedMillis.size(); to++) {
            while (sortedMillis.get(to) - sortedMillis.get(from) >= 1_000) {
                from++;
            }
            peak = Math.max(peak, to - from + 1);
        }
        return peak;
    }

    /** Takes tokens the bucket does not have, as Bucket4j allows: every hub then waits until they are paid back. */
    private static void owe(MongoDatabase database, int tokens) {
        List<String> keys = database.getCollection("rateBuckets").find(Filters.regex("_id", "^sms:.*:" + QPS + "/s$"))
                .map(d -> d.getString("_id")).into(new ArrayList<>());
        assertThat(keys).as("the one SMS budget of the sandbox's access key").hasSize(1);
        new SharedBuckets(database).bucket(keys.get(0), SIZING.configuration()).consumeIgnoringRateLimits(tokens);
    }

    private static long quietMillis(String sandbox) throws Exception {
        JsonNode arrivals = sandbox(sandbox, "/admin/sms/arrivals").get("arrivals");
        return System.currentTimeMillis() - arrivals.get(arrivals.size() - 1).asLong();
    }

    /** The OutIds of this plan's SMS per phone, as the sandbox received them (an OutId starts with the plan's id). */
    private static Map<String, List<String>> phones(String sandbox, String plan) throws Exception {
        Map<String, List<String>> perPhone = new HashMap<>();
        for (JsonNode sms : sandbox(sandbox, "/admin/sms").get("messages")) {
            String outId = sms.path("outId").asText();
            if (outId.startsWith(plan)) {
                perPhone.computeIfAbsent(sms.get("phone").asText(), p -> new ArrayList<>()).add(outId);
            }
        }
        return perPhone;
    }

    /** Blocks the sandbox has an SMS of that are still WORKING or SENDING (their outcome not yet written). */
    private static long unrecorded(MongoDatabase database, String sandbox, String plan) throws Exception {
        List<String> sent = new ArrayList<>();
        for (JsonNode sms : sandbox(sandbox, "/admin/sms").get("messages")) {
            String outId = sms.path("outId").asText();
            if (outId.startsWith(plan)) {
                sent.add(outId.substring(0, outId.indexOf('#')));
            }
        }
        return database.getCollection("dispatchBlocks").countDocuments(Filters.and(Filters.in("_id", sent),
                Filters.in("state", "WORKING", "SENDING")));
    }

    private static Set<Object> owners(MongoDatabase database, String plan) {
        Set<Object> owners = new HashSet<>();
        database.getCollection("dispatchBlocks").find(Filters.regex("_id", "^" + plan))
                .forEach(block -> owners.add(block.get("owner")));
        return owners;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static JsonNode sandbox(String port, String path) throws Exception {
        return TestHub.json(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /**
     * A hub on the shared store with the sandbox; one SMS request per block, blocks of a dead hub back after 15 s
     * (to the hub that sweeps for them), no quiet hours (the test may run at night in Beijing).
     */
    private static HubProcess hub(Path home, String name, String storeUri, String sweepInterval, String... more)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("--sunshine.mongo.uri=" + storeUri, "--sunshine.sandbox.enabled=true",
                "--sunshine.sandbox.channels=sms", "--sunshine.dispatch.channels.sms.qps=" + QPS,
                "--sunshine.dispatch.channels.sms.batch-size=1", "--sunshine.dispatch.channels.sms.quiet-hours=",
                "--sunshine.dispatch.lease=15s", "--sunshine.dispatch.sweep-interval=" + sweepInterval));
        args.addAll(List.of(more));
        return new HubProcess(Files.createDirectories(home.resolve(name)), args.toArray(String[]::new));
    }
}
