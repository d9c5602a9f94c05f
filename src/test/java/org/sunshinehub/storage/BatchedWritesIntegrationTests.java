package org.sunshinehub.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent callers' inserts and reads on the durable embedded store, through the real driver, in batches. */
class BatchedWritesIntegrationTests {

    private static final int CALLERS = 32;
    private static final int EACH = 50;

    @TempDir
    Path dataDir;

    private final Map<String, AtomicInteger> commands = new ConcurrentHashMap<>();
    private final ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    private EmbeddedMongo store;
    private MongoClient client;
    private MongoCollection<Document> feedback;

    @BeforeEach
    void startStore() {
        store = EmbeddedMongo.durable(dataDir);
        CommandListener counting = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.computeIfAbsent(event.getCommandName(), k -> new AtomicInteger()).incrementAndGet();
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(store.connectionString())).addCommandListener(counting)
                .build());
        feedback = client.getDatabase("sunshine").getCollection("feedback");
    }

    @AfterEach
    void stopStore() {
        callers.shutdownNow();
        client.close();
        store.close();
    }

    @Test
    void givenConcurrentCallersWithRepeatsWhenTheyInsertThenEachKeyIsNewOnceStoredOnceAndBatchesAreShared()
            throws Exception {
        BatchedWrites inserts = new BatchedWrites(feedback);
        Map<String, AtomicInteger> newCount = new ConcurrentHashMap<>();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CALLERS; c++) {
            int caller = c;
            done.add(callers.submit(() -> {
                for (int i = 0; i < EACH; i++) {
                    // every key twice, by two callers: a provider's retry racing its first push
                    String key = "sms:139" + ((caller / 2) * EACH + i);
                    if (inserts.insertIfAbsent(new Document("_id", key).append("text", "意见" + caller))) {
                        newCount.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }

        int keys = CALLERS / 2 * EACH;
        assertThat(newCount).hasSize(keys).allSatisfy((key, n) -> assertThat(n.get()).isEqualTo(1));
        assertThat(feedback.countDocuments()).isEqualTo(keys);
        assertThat(commands.get("insert").get()).isLessThan(CALLERS * EACH);
        System.out.printf("%d inserts from %d callers went as %d insert commands%n", CALLERS * EACH, CALLERS,
                commands.get("insert").get());
    }

    @Test
    void givenConcurrentReadersWhenTheyFindByIdThenEachGetsItsOwnDocumentOrNone() throws Exception {
        List<Document> stored = new ArrayList<>();
        for (int i = 0; i < CALLERS * EACH; i += 2) {
            stored.add(new Document("_id", "SMS:139" + i).append("subscriberId", "s" + i));
        }
        feedback.insertMany(stored);
        BatchedFinds finds = new BatchedFinds(feedback);
        commands.clear();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CALLERS; c++) {
            int caller = c;
            done.add(callers.submit(() -> {
                for (int i = caller * EACH; i < (caller + 1) * EACH; i++) {
                    Optional<Document> found = finds.byId("SMS:139" + i);
                    assertThat(found.map(d -> d.getString("subscriberId")))
                            .isEqualTo(i % 2 == 0 ? Optional.of("s" + i) : Optional.empty());
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }

        assertThat(commands.get("find").get()).isLessThan(CALLERS * EACH);
    }
}
