package org.sunshinehub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable store's faster index comparison keeps the order files written by mongo-java-server's own have. */
class IndexKeyTypeIntegrationTests {

    private static final int N = 3_000;

    @TempDir
    Path dir;

    @Test
    void aFileWrittenWithH2sOwnIndexesIsReadAndGuardedTheSame() {
        String file = dir.resolve("sunshine.mv.db").toString();
        // Given a file written by mongo-java-server's H2 backend as it comes, with a compound unique index
        MongoServer plain = new MongoServer(StoreFiles.plain(file));
        try (MongoClient client = MongoClients.create(plain.bindAndGetConnectionString())) {
            MongoCollection<Document> c = client.getDatabase("sunshine").getCollection("things");
            c.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            c.insertMany(IntStream.range(0, N).mapToObj(i -> new Document("_id", "thing-" + (i * 7919 % N))
                    .append("version", i % 5)).toList());
        } finally {
            plain.shutdown();
        }

        // When the durable backend opens it
        MongoServer durable = new MongoServer(DurableH2Backend.open(file));
        try (MongoClient client = MongoClients.create(durable.bindAndGetConnectionString())) {
            MongoCollection<Document> c = client.getDatabase("sunshine").getCollection("things");

            // Then every key is found by exact match on both indexes, and both still refuse duplicates
            assertThat(IntStream.range(0, N).filter(i -> c.find(Filters.eq("_id", "thing-" + i)).first() == null)
                    .boxed().toList()).isEmpty();
            long matched = IntStream.range(0, N).filter(i -> c.find(new Document("_id", "thing-" + (i * 7919 % N))
                    .append("version", i % 5)).first() != null).count();
            assertThat(matched).isEqualTo(N);
            assertThatThrownBy(() -> c.insertOne(new Document("_id", "thing-17").append("version", 0)))
                    .isInstanceOf(MongoWriteException.class);
            c.insertMany(List.of(new Document("_id", "new-1").append("version", 1)));
            assertThat(c.countDocuments()).isEqualTo(N + 1);
        } finally {
            durable.shutdown();
        }

        // and the index pages it wrote hold the keys as H2's own type writes them: it reads every one back
        MVStore store = new MVStore.Builder().fileName(file).readOnly().open();
        try {
            MVMap<Object, Object> keys = store.openMap("sunshine.things._index__id_1_version_1");
            // (the index keeps numbers as doubles)
            List<Object> expected = new java.util.ArrayList<>(IntStream.range(0, N)
                    .mapToObj(i -> new KeyValue("thing-" + (i * 7919 % N), (double) (i % 5))).toList());
            expected.add(new KeyValue("new-1", 1.0));
            assertThat(keys.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            store.close();
        }
    }
}
