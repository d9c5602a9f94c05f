package org.sunshinehub.storage;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Single-document writes to one collection for many concurrent callers: what they write at the same moment goes as
 * one unordered {@code bulkWrite}, so a burst of callbacks costs a few round trips and syncs, not one each. Each
 * caller still returns only once the store has acknowledged the batch that holds its write (on the durable
 * embedded store: after the sync), and learns its own outcome. Unordered: only for writes that do not depend on
 * each other within a moment (different documents, or inserts whose repeats are meant to collide).
 */
public final class BatchedWrites {

    private static final int MAX_BATCH = 256;
    /** Two batches in flight: one is sent while the store syncs the other. */
    private static final int PARALLEL = 2;

    private final MongoCollection<Document> collection;
    private final Coalescer<WriteModel<Document>, Boolean> writes;

    public BatchedWrites(MongoCollection<Document> collection) {
        this.collection = collection;
        this.writes = new Coalescer<>(this::write, MAX_BATCH, PARALLEL);
    }

    /**
     * {@link MongoErrors#insertIfAbsent}, batched.
     *
     * @return true when inserted, false when a document with the same unique key exists (also one inserted by
     *         another caller in the same batch)
     */
    public boolean insertIfAbsent(Document document) {
        return writes.call(new InsertOneModel<>(document));
    }

    /** {@link #insertIfAbsent} for each document, batched with one another and with other callers' writes. */
    public List<Boolean> insertAllIfAbsent(List<Document> documents) {
        return writes.callAll(documents.stream().<WriteModel<Document>>map(InsertOneModel::new).toList());
    }

    /** An {@code updateOne} (an upsert with {@code upsert}), batched; a key collision is a failure here. */
    public void updateOne(Bson filter, Bson update, boolean upsert) {
        writes.call(new UpdateOneModel<>(filter, update, new UpdateOptions().upsert(upsert)));
    }

    private void write(List<Coalescer.Call<WriteModel<Document>, Boolean>> calls) {
        try {
            collection.bulkWrite(calls.stream().map(Coalescer.Call::input).toList(),
                    new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            for (BulkWriteError error : e.getWriteErrors()) {
                Coalescer.Call<WriteModel<Document>, Boolean> call = calls.get(error.getIndex());
                if (call.input() instanceof InsertOneModel && MongoErrors.isDuplicateKey(error)) {
                    call.succeed(false);
                } else {
                    call.fail(e);
                }
            }
        }
        calls.forEach(c -> c.succeed(true)); // the others were written
    }
}
