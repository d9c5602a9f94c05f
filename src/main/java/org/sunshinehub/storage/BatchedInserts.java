package org.sunshinehub.storage;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.util.List;
import org.bson.Document;

/**
 * {@link MongoErrors#insertIfAbsent} for many concurrent callers: what they insert into one collection at the same
 * moment goes as one unordered {@code insertMany}, so a burst of callbacks costs a few round trips and syncs, not
 * one each. Each caller still returns only once the store has acknowledged the batch that holds its document (on
 * the durable embedded store: after the sync), and learns whether its own document was new.
 */
public final class BatchedInserts {

    private static final int MAX_BATCH = 256;
    /** Two batches in flight: one is sent while the store syncs the other. */
    private static final int PARALLEL = 2;

    private final MongoCollection<Document> collection;
    private final Coalescer<Document, Boolean> inserts;

    public BatchedInserts(MongoCollection<Document> collection) {
        this.collection = collection;
        this.inserts = new Coalescer<>(this::insert, MAX_BATCH, PARALLEL);
    }

    /**
     * @return true when inserted, false when a document with the same unique key exists (also one inserted by
     *         another caller in the same batch)
     */
    public boolean insertIfAbsent(Document document) {
        return inserts.call(document);
    }

    private void insert(List<Coalescer.Call<Document, Boolean>> calls) {
        try {
            collection.insertMany(calls.stream().map(Coalescer.Call::input).toList(),
                    new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            for (BulkWriteError error : e.getWriteErrors()) {
                Coalescer.Call<Document, Boolean> call = calls.get(error.getIndex());
                if (MongoErrors.isDuplicateKey(error)) {
                    call.succeed(false);
                } else {
                    call.fail(e);
                }
            }
        }
        calls.forEach(c -> c.succeed(true)); // the others were written
    }
}
