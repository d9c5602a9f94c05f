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
        // Given a scan that has read its first batch of 100 (t0000 … t0099)
        try (MongoCursor<Document> cursor = things.find().batchSize(100).iterator()) {
            List<Document> read = new ArrayList<>();
            read.add(cursor.next());

            // When a document is added behind it and one ahead, one ahead is removed, so is the one its batch ended
            // on (already with the client), and one ahead and one behind are changed
            things.insertOne(thing(-1)); // "t-001" sorts before every "t0…"
            things.insertOne(new Document("_id", "z-last").append("even", false));
            things.deleteOne(Filters.eq("_id", "t0900"));
            things.deleteOne(Filters.eq("_id", "t0099"));
            things.updateOne(Filters.eq("_id", "t0500"), com.mongodb.client.model.Updates.set("n", -500));
            things.updateOne(Filters.eq("_id", "t0010"), com.mongodb.client.model.Updates.set("n", -10));
            cursor.forEachRemaining(read::add);

            // Then it reads on from where it was, in key order, each document once: what is ahead as it is now
            List<String> ids = read.stream().map(d -> d.getString("_id")).toList();
            assertThat(ids).hasSize(1000).startsWith("t0000").contains("t0099", "t0100").endsWith("t0999", "z-last")
                    .doesNotContain("t-001", "t0900").isSorted().doesNotHaveDuplicates();
            assertThat(read.get(ids.indexOf("t0500")).getInteger("n")).isEqualTo(-500);
            assertThat(read.get(ids.indexOf("t0010")).getInteger("n")).isEqualTo(10); // read before the change
        }
    }

    @Test
    void aScanThatEndsOnABatchBoundaryOrIsClosedEarlyLeavesNoCursorOpen() {
        List<Document> exact = things.find().batchSize(250).into(new ArrayList<>());
        try (MongoCursor<Document> early = things.find().batchSize(10).iterator()) {
            early.next();
        }

        assertThat(exact).hasSize(1000);
        assertThat(client.getDatabase("admin").runCommand(new Document("serverStatus", 1))
                .get("metrics", Document.class).get("cursor", Document.class).get("open", Document.class)
                .getLong("total")).isZero();
    }

    private static Document thing(int i) {
        return new Document("_id", String.format("t%04d", i)).append("even", i % 2 == 0).append("n", i);
    }
}
