package org.sunshinehub.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
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

    /** True for E11000: the unique key that makes an edge idempotent already exists. */
    private static boolean isDuplicateKey(MongoException e) {
        return e instanceof MongoServerException se
                && ErrorCategory.fromErrorCode(se.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
