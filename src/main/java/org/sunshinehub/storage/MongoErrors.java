package org.sunshinehub.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.WriteModel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/** Reading the driver's exceptions the same way everywhere. */
public final class MongoErrors {

    private MongoErrors() {
    }

    /**
     * Inserts unless a document with the same unique key exists: the idempotent edge used everywhere.
     *
     * @return true when inserted, false when it was there already
     */
    public static boolean insertIfAbsent(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Inserts a batch in one unordered bulk, keeping what already exists.
     *
     * @return the positions in {@code batch} whose unique key existed already
     */
    public static Set<Integer> insertManyIfAbsent(MongoCollection<Document> collection, List<Document> batch) {
        if (batch.isEmpty()) {
            return Set.of();
        }
        try {
            collection.insertMany(batch, new InsertManyOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            return duplicatePositions(e);
        }
    }

    /**
     * Runs an unordered bulk in which a duplicate key is an answer, not a fault: a conditional upsert whose
     * condition fails on an existing document collides with it. A collision can also be two writers inserting the
     * same new document at once (MongoDB retries such an upsert itself only when its filter is a bare key match),
     * so the collided writes are run once more: the document exists by then, and a second collision is an answer.
     *
     * @return the positions in {@code writes} that collided
     */
    public static Set<Integer> bulkWriteCollisions(MongoCollection<Document> collection,
                                                   List<? extends WriteModel<Document>> writes) {
        Set<Integer> first = collisions(collection, writes);
        if (first.isEmpty()) {
            return first;
        }
        List<Integer> again = first.stream().sorted().toList();
        Set<Integer> second = collisions(collection, again.stream().map(writes::get).toList());
        return second.stream().map(again::get).collect(java.util.stream.Collectors.toSet());
    }

    private static Set<Integer> collisions(MongoCollection<Document> collection,
                                           List<? extends WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return Set.of();
        }
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            return duplicatePositions(e);
        }
    }

    private static Set<Integer> duplicatePositions(MongoBulkWriteException e) {
        Set<Integer> positions = new HashSet<>();
        for (BulkWriteError error : e.getWriteErrors()) {
            if (!isDuplicateKey(error)) {
                throw e;
            }
            positions.add(error.getIndex());
        }
        return positions;
    }

    static boolean isDuplicateKey(BulkWriteError error) {
        return ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }

    /**
     * True when the store could not be reached or did not answer (down, restarting, a failover, a commit that
     * failed and closed the connection): the write may be retried later, so the caller answers 503, not 500.
     */
    public static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoSocketException || t instanceof MongoTimeoutException
                    || t instanceof MongoConnectionPoolClearedException || t instanceof MongoNotPrimaryException
                    || t instanceof MongoNodeIsRecoveringException) {
                return true;
            }
        }
        return false;
    }

    /** True for E11000: the unique key that makes an edge idempotent already exists. */
    private static boolean isDuplicateKey(MongoException e) {
        return e instanceof MongoServerException se
                && ErrorCategory.fromErrorCode(se.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
