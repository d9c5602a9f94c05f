package org.sunshinehub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bson.BsonBinarySubType;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable store keeps documents as BSON and still reads files whose documents H2 Java-serialised. */
class DocumentValueTypeIntegrationTests {

    private static final int N = 500;

    @TempDir
    Path dir;

    @Test
    void aFileWrittenTheOldWayReadsTheSameAndKeepsEveryValueThroughUpdatesAndReopening() {
        String file = dir.resolve("sunshine.mv.db").toString();
        // Given a file written by mongo-java-server's H2 backend as it comes (values Java-serialised)
        List<Document> written = IntStream.range(0, N).mapToObj(DocumentValueTypeIntegrationTests::rich).toList();
        StoreFiles.run(StoreFiles.plain(file), c -> c.insertMany(written));

        // When the durable backend reads them, changes half of them and the file is opened again
        StoreFiles.run(DurableH2Backend.open(file), c -> {
            assertThat(all(c)).isEqualTo(written);
            c.updateMany(Filters.lt("n", N / 2), Updates.combine(Updates.inc("count", 1L), Updates.set("note", "改")));
        });
        List<Document> expected = new ArrayList<>();
        for (Document d : written) {
            Document e = new Document(d);
            if (d.getInteger("n") < N / 2) {
                e.put("count", d.getLong("count") + 1);
                e.put("note", "改");
            }
            expected.add(e);
        }

        // Then the changed documents are stored as BSON, the others as they were
        assertThat(tagsOnFile(file)).containsOnly(entry(DocumentValueType.BSON, N / 2), entry((byte) 19, N / 2));
        // and old and new values read back equal, field order and types kept
        StoreFiles.run(DurableH2Backend.open(file), c -> {
            assertThat(all(c)).isEqualTo(expected);
            assertThat(c.find(Filters.eq("_id", written.get(3).get("_id"))).first()).isEqualTo(expected.get(3));
        });
    }

    /** How many values of the collection's map start with each tag byte. */
    private static Map<Byte, Integer> tagsOnFile(String file) {
        Map<Byte, Integer> tags = new HashMap<>();
        DocumentValueType documents = new DocumentValueType();
        BasicDataType<de.bwaldvogel.mongo.bson.Document> probe = new BasicDataType<>() {
            @Override
            public int getMemory(de.bwaldvogel.mongo.bson.Document d) {
                return documents.getMemory(d);
            }

            @Override
            public void write(WriteBuffer buffer, de.bwaldvogel.mongo.bson.Document d) {
                throw new UnsupportedOperationException("read only");
            }

            @Override
            public de.bwaldvogel.mongo.bson.Document read(ByteBuffer buffer) {
                tags.merge(buffer.get(buffer.position()), 1, Integer::sum);
                return documents.read(buffer);
            }

            @Override
            public de.bwaldvogel.mongo.bson.Document[] createStorage(int size) {
                return new de.bwaldvogel.mongo.bson.Document[size];
            }
        };
        MVStore store = new MVStore.Builder().fileName(file).readOnly().open();
        try {
            store.openMap("databases.sunshine.things",
                    new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().keyType(new DocumentIdType()).valueType(probe))
                    .forEach((k, v) -> { });
        } finally {
            store.close();
        }
        return tags;
    }

    @Test
    void aDocumentIsWrittenAsBsonAndAnOldValueIsStillRead() {
        DocumentValueType type = new DocumentValueType();
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "a")
                .append("n", 7).append("list", List.of(1L, "二", 3.5))
                .append("sub", new de.bwaldvogel.mongo.bson.Document("x", true));

        WriteBuffer bson = new WriteBuffer();
        type.write(bson, document);
        ByteBuffer newBytes = bson.getBuffer().flip();
        assertThat(newBytes.get(0)).isEqualTo(DocumentValueType.BSON);
        assertThat(type.read(newBytes)).isEqualTo(document);
        assertThat(newBytes.hasRemaining()).isFalse();

        WriteBuffer old = new WriteBuffer();
        new ObjectDataType().write(old, document);
        assertThat(type.read(old.getBuffer().flip())).isEqualTo(document);
    }

    private static Document rich(int i) {
        return new Document("_id", i % 2 == 0 ? new ObjectId() : "id-" + i)
                .append("n", i)
                .append("count", (long) i * 1_000_000_007L)
                .append("ratio", i / 7.0)
                .append("flag", i % 3 == 0)
                .append("at", new Date(1_764_000_000_000L + i))
                .append("missing", null)
                .append("text", "第" + i + "条 \u0000-free ✓")
                .append("money", Decimal128.parse(i + ".25"))
                .append("bytes", new Binary(new byte[] {1, 2, (byte) i}))
                .append("uuid", new Binary(BsonBinarySubType.UUID_STANDARD, uuid(i)))
                .append("tags", List.of("a", i, List.of(true, 2.5)))
                .append("nested", new Document("deep", new Document("k", "v" + i)).append("empty", new Document()));
    }

    private static byte[] uuid(int i) {
        UUID uuid = UUID.nameUUIDFromBytes(new byte[] {(byte) i});
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits())
                .array();
    }

    private static List<Document> all(MongoCollection<Document> c) {
        return c.find().sort(new Document("n", 1)).into(new ArrayList<>());
    }
}
