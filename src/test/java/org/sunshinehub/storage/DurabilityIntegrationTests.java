package org.sunshinehub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunshinehub.support.ChildJvm;
import org.sunshinehub.support.TestHub;

/**
 * kill -9 right after acknowledged writes, or in the middle of many concurrent ones, loses none of them: the
 * embedded store commits and fsyncs before it answers. (kill -9 leaves the OS's page cache, so this proves the
 * commit comes before the answer; the fsync is for power loss.) Prints the write rates it measured (figures for
 * the README, not assertions).
 */
class DurabilityIntegrationTests {

    private static final int WRITES = 1_000;
    private static final int WRITERS = 32;

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

    /**
     * Many writers at once share commits (group commit); the store is killed while their writes are in flight,
     * and every write that was answered is there after the restart.
     */
    @Test
    void concurrentAcknowledgedWritesSurviveKillMinus9MidFlight() throws Exception {
        double rate = writeConcurrentlyAndKill(items -> items::insertOne);
        System.out.printf("durable embedded store: %.0f single inserts/s from %d concurrent writers, all acknowledged "
                + "present after kill -9 and restart%n", rate, WRITERS);
    }

    /** The same through {@link BatchedWrites}: writers' documents share insertMany commands and syncs. */
    @Test
    void concurrentBatchedWritesSurviveKillMinus9MidFlight() throws Exception {
        double rate = writeConcurrentlyAndKill(items -> {
            BatchedWrites inserts = new BatchedWrites(items);
            return document -> assertThat(inserts.insertIfAbsent(document)).isTrue();
        });
        System.out.printf("durable embedded store: %.0f batched inserts/s from %d concurrent writers, all acknowledged "
                + "present after kill -9 and restart%n", rate, WRITERS);
    }

    /** @return acknowledged writes per second before the kill */
    private double writeConcurrentlyAndKill(
            java.util.function.Function<MongoCollection<Document>, java.util.function.Consumer<Document>> writerOf)
            throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        double seconds;
        try (ChildJvm store = startStore();
             MongoClient client = MongoClients.create(uriOf(store) + "/?serverSelectionTimeoutMS=2000")) {
            java.util.function.Consumer<Document> write = writerOf.apply(
                    client.getDatabase("sunshine").getCollection("items"));
            long started = System.nanoTime();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.execute(() -> {
                    try {
                        for (int i = 0; ; i++) {
                            String id = writer + "-" + i;
                            write.accept(new Document("_id", id).append("title", "并发写入" + id));
                            acknowledged.add(id);
                        }
                    } catch (MongoException e) {
                        // the store is gone: this writer's last write was not answered
                    }
                });
            }
            await().atMost(TestHub.PATIENCE).until(() -> acknowledged.size() >= 3 * WRITES);
            seconds = (System.nanoTime() - started) / 1e9;
            store.kill();
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        Set<String> answered = Set.copyOf(acknowledged);

        try (ChildJvm restarted = startStore(); MongoClient client = MongoClients.create(uriOf(restarted))) {
            Set<Object> stored = new HashSet<>();
            client.getDatabase("sunshine").getCollection("items").find().forEach(d -> stored.add(d.get("_id")));
            assertThat(stored).containsAll(answered);
        }
        return 3 * WRITES / seconds;
    }

    private ChildJvm startStore() {
        return ChildJvm.start(EmbeddedStoreProcess.class, logDir.resolve("store.log"), List.of(),
                List.of(dataDir.toString()));
    }

    private static String uriOf(ChildJvm store) {
        return store.awaitLine(URI, TestHub.PATIENCE).group(1);
    }
}
