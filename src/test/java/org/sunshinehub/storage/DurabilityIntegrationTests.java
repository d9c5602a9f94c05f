package org.sunshinehub.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunshinehub.support.ChildJvm;
import org.sunshinehub.support.TestHub;

/**
 * kill -9 right after acknowledged writes loses none of them: the embedded store commits and fsyncs before it
 * answers. Prints the write rate it measured (a figure for the README, not an assertion).
 */
class DurabilityIntegrationTests {

    private static final int WRITES = 1_000;

    private static final Pattern URI = Pattern.compile("^URI (\\S+)$", Pattern.MULTILINE);

    @TempDir
    Path dataDir;
    @TempDir
    Path logDir;

    @Test
    void acknowledgedWritesSurviveKillMinus9() throws Exception {
        double singleSeconds;
        double batchSeconds;
        try (ChildJvm store = startStore(); MongoClient client = MongoClients.create(uriOf(store))) {
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
            store.kill();
        }

        try (ChildJvm restarted = startStore(); MongoClient client = MongoClients.create(uriOf(restarted))) {
            long count = client.getDatabase("sunshine").getCollection("items").countDocuments();
            assertThat(count).isEqualTo(2L * WRITES);
        }
        System.out.printf("durable embedded store: %.0f single inserts/s, insertMany %.0f docs/s, file %d KiB for %d docs%n",
                WRITES / singleSeconds, WRITES / batchSeconds, Files.size(dataDir.resolve("sunshine.mv.db")) / 1024,
                2 * WRITES);
    }

    private ChildJvm startStore() {
        return ChildJvm.start(EmbeddedStoreProcess.class, logDir.resolve("store.log"), List.of(),
                List.of(dataDir.toString()));
    }

    private static String uriOf(ChildJvm store) {
        return store.awaitLine(URI, TestHub.PATIENCE).group(1);
    }
}
