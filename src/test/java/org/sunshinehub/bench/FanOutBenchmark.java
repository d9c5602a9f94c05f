package org.sunshinehub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * Fan-out and dispatch of N subscribers over SMS through the sandbox, until every delivery has its receipt, then
 * the floor on the same database: the least database work that records N deliveries as created, sent and
 * delivered. Run by {@code bench/fanout.sh}, which starts the store and the hub; prints one JSON line.
 *
 * <p>Arguments: n, hub base URL, API key, sandbox admin base URL, hub pid, MongoDB URI.
 */
public final class FanOutBenchmark {

    private static final long STALL_NANOS = 120_000_000_000L;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DELIVERED = Pattern.compile("sunshine_deliveries_total\\{[^}]*state=\"DELIVERED\"[^}]*} ([0-9.E]+)");
    private static final Pattern HEAP = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E]+)");

    private FanOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long n = Long.parseLong(args[0]);
        String hub = args[1];
        String key = args[2];
        String sandbox = args[3];
        long pid = Long.parseLong(args[4]);
        String mongoUri = args[5];

        // PUSHES=k pushes k items one after another to the same audience and reports the last one: a hub in service
        // has pushed before (its JIT warm, its store holding earlier deliveries); the first push is reported too.
        int pushes = Integer.parseInt(System.getenv().getOrDefault("PUSHES", "1"));
        Push first = null;
        Push last = null;
        double peakHeap = 0;
        for (int i = 0; i < pushes; i++) {
            last = push(n, hub, key, sandbox, n * i);
            first = first == null ? last : first;
            peakHeap = Math.max(peakHeap, last.peakHeap());
        }
        double seconds = last.seconds();
        // FLOOR=0 leaves the floor out (at 1 M recipients it takes longer than the run)
        String floor = "0".equals(System.getenv("FLOOR")) ? "null,\"ratio\":null" : floorAndRatio(mongoUri, n, seconds);
        System.out.println(String.format(Locale.ROOT,
                "{\"n\":%d,\"seconds\":%.1f,\"recipientsPerSecond\":%.0f,\"deliveriesPerSecond\":%.0f,\"timeToFirstSendSeconds\":%.2f,"
                        + "\"floorSeconds\":%s,\"peakHeapMiB\":%.0f,\"rssMiB\":%d,\"pushes\":%d,"
                        + "\"firstPushSeconds\":%.1f,\"firstPushRecipientsPerSecond\":%.0f}",
                n, seconds, n / seconds, n / seconds, last.firstSend(), floor, peakHeap / (1 << 20),
                peakRssMiB(pid), pushes, first.seconds(), n / first.seconds()));
    }

    private record Push(double seconds, double firstSend, double peakHeap) {
    }

    /** One item to all subscribers over SMS, until its n receipts are in (after the earlier pushes' {@code before}). */
    private static Push push(long n, String hub, String key, String sandbox, long before) throws Exception {
        long acceptedBefore = JSON.readTree(get(sandbox + "/admin/stats", null)).path("accepted").asLong();
        JsonNode item = JSON.readTree(post(hub + "/api/intake/disclosures", key, """
                {"source":"website","sourceId":"%s","title":"关于调整城乡低保标准的通知","issuer":"广东省民政厅"}"""
                .formatted(UUID.randomUUID())));
        long started = System.nanoTime();
        post(hub + "/api/plans", key, "{\"itemId\":\"" + item.get("id").asText()
                + "\",\"channels\":[\"sms\"],\"audience\":{\"all\":true},\"urgent\":true}");
        double firstSend = -1;
        double peakHeap = 0;
        double delivered = 0;
        long lastProgress = System.nanoTime();
        while (delivered < before + n) {
            Thread.sleep(250);
            String metrics = get(hub + "/actuator/prometheus", key);
            double now = sum(DELIVERED, metrics);
            if (now > delivered) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL_NANOS) {
                System.out.println("{\"n\":" + n + ",\"error\":\"stalled at " + (long) (now - before) + " delivered\"}");
                System.exit(1);
            }
            delivered = now;
            peakHeap = Math.max(peakHeap, sum(HEAP, metrics));
            if (firstSend < 0 && JSON.readTree(get(sandbox + "/admin/stats", null)).path("accepted").asLong() > acceptedBefore) {
                firstSend = (System.nanoTime() - started) / 1e9;
            }
        }
        return new Push((System.nanoTime() - started) / 1e9, firstSend, peakHeap);
    }

    private static String floorAndRatio(String mongoUri, long n, double seconds) {
        double floor = floor(mongoUri, n);
        return String.format(Locale.ROOT, "%.1f,\"ratio\":%.2f", floor, seconds / floor);
    }

    /**
     * insertMany of N delivery-shaped documents in batches of 1,000, then two passes of updateMany by _id
     * batches of 1,000 that each touch every document once.
     */
    static double floor(String mongoUri, long n) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> floor = client.getDatabase("sunshine").getCollection("benchFloor");
            floor.drop();
            long started = System.nanoTime();
            for (long from = 0; from < n; from += 1000) {
                List<Document> batch = new ArrayList<>(1000);
                for (long i = from; i < Math.min(from + 1000, n); i++) {
                    batch.add(new Document("_id", "floor:sms:" + i).append("plan", "floor").append("item", "floor")
                            .append("channel", "sms").append("subscriber", "6b03d2a53da4e255400c1662")
                            .append("address", String.format("139%08d", i)).append("key", "floor:sms:" + i)
                            .append("state", "PENDING").append("createdAt", new Date()));
                }
                floor.insertMany(batch);
            }
            for (String state : new String[] {"SENT", "DELIVERED"}) {
                for (long from = 0; from < n; from += 1000) {
                    List<String> ids = new ArrayList<>(1000);
                    for (long i = from; i < Math.min(from + 1000, n); i++) {
                        ids.add("floor:sms:" + i);
                    }
                    floor.updateMany(Filters.in("_id", ids), Updates.set("state", state));
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            floor.drop();
            return seconds;
        }
    }

    private static double sum(Pattern pattern, String metrics) {
        double total = 0;
        Matcher m = pattern.matcher(metrics);
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    private static long peakRssMiB(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static String post(String url, String key, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("X-Api-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " → " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String get(String url, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
