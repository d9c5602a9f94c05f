package org.sunshinehub.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 right after acknowledged writes loses none of them: the embedded store commits and fsyncs before it
 * answers. Prints the write rate it measured (a figure for the README, not an assertion).
 */
class DurabilityIntegrationTests {

    private static final int WRITES = 1_000;

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedWritesSurviveKillMinus9() throws Exception {
        Process store = startStore();
        double singleSeconds;
        double batchSeconds;
        try (MongoClient client = MongoClients.create(uriOf(store))) {
            MongoCollection<Document> items = client.getDatabase("sunshine").getCollection("items");
            long started = System.nanoTime();
            for (int i = 0; i < WRITES; i++) {
                items.insertOne(new Document("_id", i).append("title", "关于第" + i + "号事项的通知"));
            }
            singleSeconds = (System.nanoTime() - started) / 1e9;
            List<Document> batch = new ArrayList<>();
            for (int i = WRITES; i < 2 * WRITES; i++) {
                batch.add(new Document("_id", i).append("title", "批量写入" + i));
            }
            started = System.nanoTime();
            items.insertMany(batch);
            batchSeconds = (System.nanoTime() - started) / 1e9;
        }
        store.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        Process restarted = startStore();
        try (MongoClient client = MongoClients.create(uriOf(restarted))) {
            long count = client.getDatabase("sunshine").getCollection("items").countDocuments();
            assertThat(count).isEqualTo(2L * WRITES);
        } finally {
            restarted.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        System.out.printf("durable embedded store: %.0f single inserts/s, insertMany %.0f docs/s, file %d KiB for %d docs%n",
                WRITES / singleSeconds, WRITES / batchSeconds, Files.size(dataDir.resolve("sunshine.mv.db")) / 1024,
                2 * WRITES);
    }

    private Process startStore() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedStoreProcess.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
    }

    private static String uriOf(Process store) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(store.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("URI ")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return line.substring(4);
            }
        }
        throw new IllegalStateException("the store process ended without printing its URI");
    }
}
