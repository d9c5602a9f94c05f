package org.sunshinehub.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.sunshinehub.storage.EmbeddedMongo;

/**
 * What a stored layout costs on the embedded store, measured before choosing one ({@code bench/probe.sh
 * [file|memory] [recipients]}): a document per recipient (insertMany in batches of 1,000, with and without the
 * second unique index) against one ~100 KB block document per 1,000 recipients with its state in parallel arrays
 * (insert, then compare-and-set updates on {@code {_id, version}} setting whole arrays or single elements), and a
 * streamed {@code find} over the subscribers. Prints one JSON line; figures in recipients (or documents) per wall second and per CPU second.
 */
public final class StoreProbe {

    private static final int BLOCK = 1_000;

    private StoreProbe() {
    }

    public static void main(String[] args) throws Exception {
        boolean durable = args.length == 0 || "file".equals(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path dir = Files.createTempDirectory("probe");
        EmbeddedMongo mongo = durable ? EmbeddedMongo.durable(dir) : EmbeddedMongo.inMemory();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase db = client.getDatabase("probe");
            perRecipient(db, "warmUp", 5 * BLOCK, true); // the JIT, before anything is timed
            StringBuilder out = new StringBuilder("{\"store\":\"" + (durable ? "file" : "memory") + "\",\"n\":" + n);
            out.append(figure("docPerRecipient3Indexes", n, () -> perRecipient(db, "d3", n, true)));
            out.append(figure("docPerRecipientIdOnly", n, () -> perRecipient(db, "d1", n, false)));
            out.append(figure("blockInsert", n, () -> blocks(db, n)));
            out.append(figure("blockCasWholeArrays", n, () -> casWhole(db, n)));
            out.append(figure("blockCasElements", n, () -> casElements(db, n)));
            out.append(figure("blockRead", n, () -> read(db, "blocks", n)));
            out.append(figure("packedInsert", n, () -> packed(db, n)));
            out.append(figure("packedCas", n, () -> packedCas(db, n)));
            out.append(figure("packedRead", n, () -> read(db, "packed", n)));
            seedSubscribers(db, n);
            streamSubscribers(db, new Document()); // the first read after the writes pays for loading the pages
            out.append(figure("subscriberFindAll", n, () -> streamSubscribers(db, new Document())));
            out.append(figure("subscriberFindTopic", n, () -> streamSubscribers(db, Filters.in("topics", List.of("社会救助")))));
            System.out.println(out.append('}'));
        } finally {
            mongo.close();
        }
    }

    /** Per wall second and per CPU second of this process (client and store): the machine is shared. */
    private static String figure(String name, int n, Runnable step) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        step.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
        return String.format(Locale.ROOT, ",\"%s\":{\"perSecond\":%.0f,\"perCpuSecond\":%.0f}", name, n / seconds,
                n / cpuSeconds);
    }

    private static void perRecipient(MongoDatabase db, String name, int n, boolean indexes) {
        MongoCollection<Document> c = db.getCollection(name);
        if (indexes) {
            c.createIndex(Indexes.ascending("_id", "state"), new IndexOptions().unique(true));
            c.createIndex(Indexes.ascending("queue", "state"));
        }
        for (int from = 0; from < n; from += BLOCK) {
            List<Document> batch = new ArrayList<>(BLOCK);
            for (int i = from; i < Math.min(n, from + BLOCK); i++) {
                batch.add(indexes ? new Document("_id", "item:sms:" + new ObjectId()).append("plan", "p")
                        .append("queue", "p:sms").append("address", "139" + i).append("state", "PENDING")
                        .append("createdAt", new Date()) : new Document("_id", "item:sms:" + new ObjectId()));
            }
            c.insertMany(batch);
        }
    }

    private static void blocks(MongoDatabase db, int n) {
        MongoCollection<Document> c = db.getCollection("blocks");
        c.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
        for (int b = 0; b * BLOCK < n; b++) {
            List<String> ids = new ArrayList<>();
            List<String> addresses = new ArrayList<>();
            List<Integer> seqs = new ArrayList<>();
            for (int i = 0; i < BLOCK; i++) {
                ids.add(new ObjectId().toHexString());
                addresses.add(String.format("139%08d", b * BLOCK + i));
                seqs.add(b * BLOCK + i);
            }
            c.insertOne(new Document("_id", "q:" + b).append("version", 0).append("subscribers", ids)
                    .append("addresses", addresses).append("seqs", seqs)
                    .append("states", Collections.nCopies(BLOCK, 0)).append("attempts", Collections.nCopies(BLOCK, 0))
                    .append("providerIds", Collections.nCopies(BLOCK, null))
                    .append("receiptCodes", Collections.nCopies(BLOCK, null)));
        }
    }

    /** The SENT move: states, attempts and provider ids, each set as a whole array. */
    private static void casWhole(MongoDatabase db, int n) {
        MongoCollection<Document> c = db.getCollection("blocks");
        for (int b = 0; b * BLOCK < n; b++) {
            List<String> providerIds = new ArrayList<>();
            for (int i = 0; i < BLOCK; i++) {
                providerIds.add("biz" + b + "-" + i);
            }
            long matched = c.updateOne(new Document("_id", "q:" + b).append("version", 0), Updates.combine(
                    Updates.set("states", Collections.nCopies(BLOCK, 1)), Updates.set("attempts", Collections.nCopies(BLOCK, 1)),
                    Updates.set("providerIds", providerIds), Updates.inc("version", 1))).getMatchedCount();
            check(matched);
        }
    }

    /** The receipts: one request's 100 receipts per write, as single elements ({@code states.17}). */
    private static void casElements(MongoDatabase db, int n) {
        MongoCollection<Document> c = db.getCollection("blocks");
        for (int b = 0; b * BLOCK < n; b++) {
            for (int part = 0; part < BLOCK / 100; part++) {
                List<org.bson.conversions.Bson> sets = new ArrayList<>();
                for (int i = part * 100; i < part * 100 + 100; i++) {
                    sets.add(Updates.set("states." + i, 2));
                    sets.add(Updates.set("receiptCodes." + i, "DELIVERED"));
                }
                sets.add(Updates.inc("version", 1));
                check(c.updateOne(new Document("_id", "q:" + b).append("version", 1 + part), Updates.combine(sets))
                        .getMatchedCount());
            }
        }
    }

    private static void read(MongoDatabase db, String collection, int n) {
        MongoCollection<Document> c = db.getCollection(collection);
        for (int b = 0; b * BLOCK < n; b++) {
            if (c.find(Filters.eq("_id", "q:" + b)).first() == null) {
                throw new IllegalStateException("block missing");
            }
        }
    }

    /** The same block with its arrays packed: one byte per state, ids and addresses as one string each. */
    private static void packed(MongoDatabase db, int n) {
        MongoCollection<Document> c = db.getCollection("packed");
        c.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
        for (int b = 0; b * BLOCK < n; b++) {
            StringBuilder ids = new StringBuilder();
            StringBuilder addresses = new StringBuilder();
            for (int i = 0; i < BLOCK; i++) {
                ids.append(new ObjectId().toHexString()).append(',');
                addresses.append(String.format("139%08d", b * BLOCK + i)).append(',');
            }
            c.insertOne(new Document("_id", "q:" + b).append("version", 0).append("subscribers", ids.toString())
                    .append("addresses", addresses.toString()).append("states", new byte[BLOCK])
                    .append("attempts", new byte[BLOCK]).append("providerIds", "").append("receiptCodes", ""));
        }
    }

    private static void packedCas(MongoDatabase db, int n) {
        MongoCollection<Document> c = db.getCollection("packed");
        for (int b = 0; b * BLOCK < n; b++) {
            for (int version = 0; version < 2; version++) {
                byte[] states = new byte[BLOCK];
                java.util.Arrays.fill(states, (byte) (version + 1));
                check(c.updateOne(new Document("_id", "q:" + b).append("version", version), Updates.combine(
                        Updates.set("states", states), Updates.set("providerIds", "biz" + b + "^0"),
                        Updates.set("receiptCodes", "DELIVERED,".repeat(version * BLOCK)), Updates.inc("version", 1)))
                        .getMatchedCount());
            }
        }
    }

    private static void seedSubscribers(MongoDatabase db, int n) {
        MongoCollection<Document> c = db.getCollection("subscribers");
        for (int from = 0; from < n; from += BLOCK) {
            List<Document> batch = new ArrayList<>(BLOCK);
            for (int i = from; i < Math.min(n, from + BLOCK); i++) {
                batch.add(new Document("_id", new ObjectId()).append("seq", i).append("phone", String.format("139%08d", i))
                        .append("topics", List.of("社会救助")).append("optedOut", new Document())
                        .append("createdAt", new Date()).append("version", 0));
            }
            c.insertMany(batch);
        }
    }

    private static void streamSubscribers(MongoDatabase db, org.bson.conversions.Bson filter) {
        long[] read = {0};
        db.getCollection("subscribers").find(filter).batchSize(BLOCK).forEach(d -> read[0]++);
    }

    private static void check(long matched) {
        if (matched != 1) {
            throw new IllegalStateException("compare-and-set missed");
        }
    }
}
