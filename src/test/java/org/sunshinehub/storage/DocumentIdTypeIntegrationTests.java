package org.sunshinehub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable store keeps ObjectIds in 13 bytes instead of Java serialisation, and still reads files that have them serialised. */
class DocumentIdTypeIntegrationTests {

    private static final int N = 2_000;

    @TempDir
    Path dir;

    @Test
    void aFileWithSerialisedIdsIsFoundByIdInOrderThroughInsertsUpdatesAndReopening() {
        String file = dir.resolve("sunshine.mv.db").toString();
        // Given a file written by mongo-java-server's H2 backend as it comes (ids Java-serialised)
        List<Document> old = IntStream.range(0, N).mapToObj(i -> new Document("_id", new ObjectId()).append("n", i)).toList();
        StoreFiles.run(StoreFiles.plain(file), c -> c.insertMany(old));
        assertThat(idTagsOnFile(file)).allSatisfy(tags -> assertThat(tags).containsOnlyKeys((byte) 19));

        // When the durable backend adds as many again, changes some old ones and the file is opened again
        List<Document> added = IntStream.range(N, 2 * N).mapToObj(i -> new Document("_id", new ObjectId()).append("n", i)).toList();
        StoreFiles.run(DurableH2Backend.open(file), c -> {
            c.insertMany(added);
            c.updateMany(Filters.lt("n", N / 10), Updates.set("changed", true));
        });

        // Then ids of both kinds are on the file, the added ones compact in the collection and in its _id index,
        // and every document is found by its id and streams in id order
        assertThat(idTagsOnFile(file)).allSatisfy(tags -> {
            assertThat(tags).containsOnlyKeys((byte) 19, DocumentIdType.OBJECT_ID);
            assertThat(tags.get(DocumentIdType.OBJECT_ID)).isGreaterThanOrEqualTo(N);
        });
        List<Document> all = new ArrayList<>(old);
        all.addAll(added);
        StoreFiles.run(DurableH2Backend.open(file), c -> {
            for (Document d : all) {
                assertThat(c.find(Filters.eq("_id", d.get("_id"))).first()).extracting(x -> x.get("n")).isEqualTo(d.get("n"));
            }
            assertThat(c.countDocuments(Filters.eq("changed", true))).isEqualTo(N / 10);
            assertThat(c.find().batchSize(100).map(d -> d.getObjectId("_id")).into(new ArrayList<>()))
                    .isEqualTo(all.stream().map(d -> d.getObjectId("_id")).sorted().toList());
            assertThatThrownBy(() -> c.insertOne(new Document("_id", all.get(7).get("_id")).append("n", -1)))
                    .hasMessageContaining("E11000");
        });
    }

    @Test
    void anObjectIdIsWrittenInThirteenBytesComparedAsH2DidAndAnOldOneIsStillRead() {
        DocumentIdType type = new DocumentIdType();
        ObjectDataType h2 = new ObjectDataType();
        de.bwaldvogel.mongo.bson.ObjectId id = new de.bwaldvogel.mongo.bson.ObjectId();

        WriteBuffer compact = new WriteBuffer();
        type.write(compact, id);
        ByteBuffer bytes = compact.getBuffer().flip();
        assertThat(bytes.remaining()).isEqualTo(13);
        assertThat(type.read(bytes)).isEqualTo(id);

        WriteBuffer serialised = new WriteBuffer();
        h2.write(serialised, id);
        assertThat(type.read(serialised.getBuffer().flip())).isEqualTo(id);

        Random random = new Random(13);
        List<Object> keys = new ArrayList<>(List.of("a", 7, 7L));
        for (int i = 0; i < 50; i++) {
            byte[] b = new byte[12];
            random.nextBytes(b);
            keys.add(new de.bwaldvogel.mongo.bson.ObjectId(b));
        }
        for (Object a : keys) {
            for (Object b : keys) {
                assertThat(Integer.signum(type.compare(a, b))).as("%s vs %s", a, b).isEqualTo(Integer.signum(h2.compare(a, b)));
            }
        }
    }

    private static final String DATA = "databases.sunshine.things";
    private static final String ID_INDEX = "sunshine.things._index__id_";

    /**
     * How many ids on the file start with each tag byte: the collection's keys (inner pages' too), then the values
     * of its _id index.
     */
    private static List<Map<Byte, Integer>> idTagsOnFile(String file) {
        Map<Byte, Integer> keys = new HashMap<>();
        Map<Byte, Integer> indexed = new HashMap<>();
        MVStore store = new MVStore.Builder().fileName(file).readOnly().open();
        try {
            store.openMap(DATA, new MVMap.Builder<Object, Object>().keyType(counting(keys)).valueType(new ObjectDataType() {
                @Override
                public Object read(ByteBuffer buffer) {
                    return new DocumentValueType().read(buffer);
                }
            })).forEach((k, v) -> { });
            store.openMap(ID_INDEX, new MVMap.Builder<Object, Object>().valueType(counting(indexed))).forEach((k, v) -> { });
        } finally {
            store.close();
        }
        return List.of(keys, indexed);
    }

    private static ObjectDataType counting(Map<Byte, Integer> tags) {
        DocumentIdType ids = new DocumentIdType();
        return new ObjectDataType() {
            @Override
            public Object read(ByteBuffer buffer) {
                tags.merge(buffer.get(buffer.position()), 1, Integer::sum);
                return ids.read(buffer);
            }
        };
    }
}
