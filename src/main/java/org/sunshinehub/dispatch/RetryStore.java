package org.sunshinehub.dispatch;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** {@code dispatchRetries}: the blocks waiting for their next try; small, so a scan for due ones is cheap. */
@Component
class RetryStore {

    private final MongoCollection<Document> retries;

    RetryStore(MongoDatabase database) {
        this.retries = database.getCollection("dispatchRetries");
    }

    void schedule(String blockId, Instant at) {
        retries.replaceOne(Filters.eq("_id", blockId), new Document("_id", blockId).append("retryAt", Date.from(at)),
                new ReplaceOptions().upsert(true));
    }

    List<String> due(Instant now) {
        return retries.find(Filters.lte("retryAt", Date.from(now))).map(d -> d.getString("_id"))
                .into(new ArrayList<>());
    }

    /** Every block waiting, due or not: for the queue gauges. */
    List<String> all() {
        return retries.find().map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    /** Taking a retry is deleting it: only one worker can. */
    boolean take(String blockId) {
        return retries.deleteOne(Filters.eq("_id", blockId)).getDeletedCount() == 1;
    }
}
