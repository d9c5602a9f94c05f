package org.sunshinehub.dispatch;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.sunshinehub.storage.MongoErrors;

/**
 * {@code fallbackChecks}: one per delivery that may still fall back, due when it should have reached its citizen;
 * the collection holds only those, so a scan for due checks stays small.
 */
@Component
class FallbackCheckStore {

    /** A delivery to look at again when {@code dueAt} comes. */
    record Check(String deliveryId, String queue) {
    }

    private final MongoCollection<Document> checks;

    FallbackCheckStore(MongoDatabase database) {
        this.checks = database.getCollection("fallbackChecks");
        // the due sweep and a queue's open checks (the embedded server ignores these; a real MongoDB needs them)
        checks.createIndex(Indexes.ascending("dueAt"), new IndexOptions().name("due"));
        checks.createIndex(Indexes.ascending("queue"), new IndexOptions().name("queue"));
    }

    /** @return how many were new */
    long insert(String queueId, List<String> deliveryIds, Instant dueAt) {
        return deliveryIds.size() - MongoErrors.insertManyIfAbsent(checks, deliveryIds.stream()
                .map(id -> new Document("_id", id).append("queue", queueId).append("dueAt", Date.from(dueAt))).toList())
                .size();
    }

    /** Brings the checks of these deliveries forward: they failed, so their fallback need not wait. */
    void dueNow(List<String> deliveryIds, Instant now) {
        for (int from = 0; from < deliveryIds.size(); from += DeliveryStore.ID_CHUNK) {
            checks.updateMany(Filters.in("_id", deliveryIds.subList(from,
                    Math.min(from + DeliveryStore.ID_CHUNK, deliveryIds.size()))), Updates.set("dueAt", Date.from(now)));
        }
    }

    List<Check> due(Instant now, int limit) {
        return checks.find(Filters.lte("dueAt", Date.from(now))).limit(limit)
                .map(d -> new Check(d.getString("_id"), d.getString("queue"))).into(new ArrayList<>());
    }

    void reschedule(String deliveryId, Instant dueAt) {
        checks.updateOne(Filters.eq("_id", deliveryId), Updates.set("dueAt", Date.from(dueAt)));
    }

    /** Closes the checks of deliveries that reached their citizen. @return how many were open */
    long closeAll(List<String> deliveryIds) {
        long closed = 0;
        for (int from = 0; from < deliveryIds.size(); from += DeliveryStore.ID_CHUNK) {
            closed += checks.deleteMany(Filters.in("_id", deliveryIds.subList(from,
                    Math.min(from + DeliveryStore.ID_CHUNK, deliveryIds.size())))).getDeletedCount();
        }
        return closed;
    }

    /** Taking a check is deleting it: only one sweeper escalates a delivery. */
    boolean take(String deliveryId) {
        return checks.deleteOne(Filters.eq("_id", deliveryId)).getDeletedCount() == 1;
    }

    /** The checks still open for a queue: a scan of this small collection, for checking the queue's counter. */
    long openOf(String queueId) {
        return checks.countDocuments(Filters.eq("queue", queueId));
    }
}
