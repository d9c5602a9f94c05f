package org.sunshinehub.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans of the durable store read on batch by batch, through the real driver, with MongoDB's cursor semantics. */
class StreamingH2CollectionIntegrationTests {

    @TempDir
    Path dir;

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> things;

    @BeforeEach
    void start() {
        server = new MongoServer(DurableH2Backend.open(dir.resolve("sunshine.mv.db").toString()));
        client = MongoClients.create(server.bindAndGetConnectionString());
        things = client.getDatabase("sunshine").getCollection("things");
        things.insertMany(IntStream.range(0, 1000).mapToObj(StreamingH2CollectionIntegrationTests::thing).toList());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void aFilteredScanWithSkipAndLimitReturnsWhatItWouldAllAtOnce() {
        List<Document> expected = things.find(Filters.eq("even", true)).into(new ArrayList<>())
                .subList(30, 30 + 333);

        List<Document> batched = things.find(Filters.eq("even", true)).skip(30).limit(333).batchSize(50)
                .into(new ArrayList<>());

        assertThat(batched).isEqualTo(expected);
        assertThat(things.find(Filters.eq("even", true)).batchSize(7).into(new ArrayList<>())).hasSize(500);
    }

    @Test
    void aCursorSeesWhatIsWrittenAheadOfItAfterItsFirstBatchAndNotWhatIsRemoved() {
        // Given a scan that has read its first batch of 100
        try (MongoCursor<Document> cursor = things.find().batchSize(100).iterator()) {
            List<String> read = new ArrayList<>();
            read.add(cursor.next().getString("_id"));

            // When a document is added behind and one ahead of it, and one ahead is removed
            things.insertOne(thing(-1)); // "t-001" sorts before every "t0…"
            things.insertOne(new Document("_id", "z-last").append("even", false));
            things.deleteOne(Filters.eq("_id", "t0900"));
            cursor.forEachRemaining(d -> read.add(d.getString("_id")));

            // Then it reads on from where it was, in key order: the one ahead is read, the removed one is not
            assertThat(read).hasSize(1000).startsWith("t0000").endsWith("t0999", "z-last")
                    .doesNotContain("t-001", "t0900").isSorted().doesNotHaveDuplicates();
        }
    }

    private static Document thing(int i) {
        return new Document("_id", String.format("t%04d", i)).append("even", i % 2 == 0).append("n", i);
    }
}
