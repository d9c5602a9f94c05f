package org.sunshinehub.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoServerException;

/** Reading the driver's exceptions the same way everywhere. */
public final class MongoErrors {

    private MongoErrors() {
    }

    /** True for E11000: the unique key that makes an edge idempotent already exists. */
    public static boolean isDuplicateKey(MongoException e) {
        return e instanceof MongoServerException se
                && ErrorCategory.fromErrorCode(se.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
