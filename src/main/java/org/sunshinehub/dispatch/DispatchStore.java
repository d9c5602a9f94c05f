package org.sunshinehub.dispatch;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.BulkWriteOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.sunshinehub.storage.MongoErrors;

/**
 * The dispatcher's collections. A delivery's {@code _id} is {@code <item>:<channel>:<subscriber>}: computable,
 * read and updated by {@code _id} alone, and unique, so no fan-out, repeated or resumed, creates a second
 * delivery for anyone. {@code dispatchQueues} hold a plan's progress per channel; {@code dispatchBlocks} are
 * numbered per queue and carry their manifest (who is in them), so a first attempt needs no read of its
 * deliveries; {@code dispatchRetries} holds the blocks waiting for their next try.
 */
@Component
class DispatchStore {

    static final int ID_CHUNK = 100;

    final MongoCollection<Document> deliveries;
    final MongoCollection<Document> queues;
    final MongoCollection<Document> blocks;
    final MongoCollection<Document> retries;
    private final MongoCollection<Document> fallbackChecks;
    private final MeterRegistry meters;

    DispatchStore(MongoDatabase database, MeterRegistry meters) {
        this.meters = meters;
        this.deliveries = database.getCollection("deliveries");
        this.queues = database.getCollection("dispatchQueues");
        this.blocks = database.getCollection("dispatchBlocks");
        this.retries = database.getCollection("dispatchRetries");
        this.fallbackChecks = database.getCollection("fallbackChecks");
        // Makes {_id, state} guards exact-key lookups on the embedded store.
        deliveries.createIndex(Indexes.ascending("_id", "state"), new IndexOptions().unique(true).name("id_state"));
        deliveries.createIndex(Indexes.ascending("plan", "channel", "state"), new IndexOptions().name("plan_counts"));
        blocks.createIndex(Indexes.ascending("_id", "state"), new IndexOptions().unique(true).name("id_state"));
    }

    /** @param deliveryKey the item's id, or the item's id and a purpose ({@link PushJob#deliveryKey()}) */
    static String deliveryId(String deliveryKey, String channel, String subscriberId) {
        return deliveryKey + ":" + channel + ":" + subscriberId;
    }

    static String blockId(String queueId, long number) {
        return queueId + ":" + number;
    }

    // ---- queues ----

    boolean createQueue(Document queue) {
        return MongoErrors.insertIfAbsent(queues, queue);
    }

    Optional<Document> queue(String queueId) {
        return Optional.ofNullable(queues.find(Filters.eq("_id", queueId)).first());
    }

    List<Document> queuesIn(String... states) {
        return queues.find(Filters.in("state", List.of(states))).into(new ArrayList<>());
    }

    List<Document> queuesOfPlan(String planId) {
        return queues.find(Filters.eq("plan", planId)).into(new ArrayList<>());
    }

    void setQueue(String queueId, Bson update) {
        queues.updateOne(Filters.eq("_id", queueId), update);
    }

    /** Sets the state only if the queue is still in {@code from} (a small collection: the filter may scan). */
    boolean moveQueue(String queueId, String from, String to) {
        return queues.updateOne(Filters.and(Filters.eq("_id", queueId), Filters.eq("state", from)),
                Updates.set("state", to)).getModifiedCount() == 1;
    }

    /**
     * Takes the fan-out of a queue for one run ({@code run}, of instance {@code instance}) until {@code until}: one
     * run fans a queue out at a time, even within an instance, and another takes over when the lease has run out.
     *
     * @return false when a lease that has not expired is held, or the fan-out is over
     */
    boolean takeFanOut(String queueId, String instance, String run, Instant now, Instant until) {
        Bson free = Filters.or(Filters.exists("fanOutLeaseUntil", false), Filters.lt("fanOutLeaseUntil", Date.from(now)));
        return queues.updateOne(Filters.and(Filters.eq("_id", queueId), Filters.eq("state", Queues.FANNING_OUT), free),
                Updates.combine(Updates.set("fanOutInstance", instance), Updates.set("fanOutRun", run),
                        Updates.set("fanOutLeaseUntil", Date.from(until)))).getMatchedCount() == 1;
    }

    /** @return false when the run lost its lease to another, or the fan-out was stopped (a cancelled plan) */
    boolean renewFanOut(String queueId, String run, Instant until) {
        return queues.updateOne(Filters.and(Filters.eq("_id", queueId), Filters.eq("state", Queues.FANNING_OUT),
                Filters.eq("fanOutRun", run)), Updates.set("fanOutLeaseUntil", Date.from(until))).getMatchedCount() == 1;
    }

    /** Fan-outs no live instance holds: never leased, or the lease ran out. */
    List<String> orphanedFanOuts(Instant now) {
        return queues.find(Filters.and(Filters.eq("state", Queues.FANNING_OUT), Filters.or(
                        Filters.exists("fanOutLeaseUntil", false), Filters.lt("fanOutLeaseUntil", Date.from(now)))))
                .map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    /** At a clean stop: this instance's fan-outs may be taken over at once. */
    void releaseFanOuts(String instance) {
        queues.updateMany(Filters.and(Filters.eq("state", Queues.FANNING_OUT), Filters.eq("fanOutInstance", instance)),
                Updates.set("fanOutLeaseUntil", new Date(0)));
    }

    /** Moves the claim mark past block {@code number}; nothing when it has moved on already. */
    void advanceClaimed(String queueId, long number) {
        queues.updateOne(new Document("_id", queueId).append("claimed", number), Updates.set("claimed", number + 1));
    }

    // ---- deliveries ----

    /**
     * Inserts what is new in one unordered bulk.
     *
     * @return the positions in {@code batch} that already existed
     */
    java.util.Set<Integer> insertDeliveries(List<Document> batch) {
        return MongoErrors.insertManyIfAbsent(deliveries, batch);
    }

    /** Reads deliveries by id, {@value #ID_CHUNK} at a time. */
    List<Document> deliveriesById(List<String> ids) {
        List<Document> found = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            deliveries.find(Filters.in("_id", ids.subList(from, Math.min(from + ID_CHUNK, ids.size()))))
                    .into(found);
        }
        return found;
    }

    /**
     * Moves each delivery from {@code from} to its new state and fields in one unordered bulk write.
     *
     * @return how many matched
     */
    long transition(DeliveryState from, DeliveryState to, List<Map.Entry<String, Bson>> updates) {
        if (updates.isEmpty()) {
            return 0;
        }
        List<UpdateOneModel<Document>> models = new ArrayList<>(updates.size());
        for (Map.Entry<String, Bson> u : updates) {
            models.add(new UpdateOneModel<>(new Document("_id", u.getKey()).append("state", from.name()), u.getValue()));
        }
        int matched = deliveries.bulkWrite(models, new BulkWriteOptions().ordered(false)).getMatchedCount();
        counted(to, matched);
        return matched;
    }

    boolean transitionOne(String deliveryId, DeliveryState from, DeliveryState to, Bson update) {
        boolean matched = deliveries.updateOne(new Document("_id", deliveryId).append("state", from.name()), update)
                .getMatchedCount() == 1;
        counted(to, matched ? 1 : 0);
        return matched;
    }

    /** {@code sunshine_deliveries_total{state}}: how many deliveries reached each state on this instance. */
    private void counted(DeliveryState state, long n) {
        if (n > 0) {
            meters.counter("sunshine.deliveries", "state", state.name()).increment(n);
        }
    }

    static Bson toState(DeliveryState state, Instant at, Bson... more) {
        List<Bson> sets = new ArrayList<>(List.of(Updates.set("state", state.name()), Updates.set("updatedAt", Date.from(at))));
        sets.addAll(List.of(more));
        return Updates.combine(sets);
    }

    /**
     * Channel, state and creation time of every delivery created since {@code from}, streamed (for the console's
     * 30-day volume chart; the layout of {@code deliveries} stays here).
     */
    void eachDeliverySince(Instant from, java.util.function.Consumer<Document> each) {
        deliveries.find(Filters.gte("createdAt", Date.from(from)))
                .projection(new Document("channel", 1).append("state", 1).append("createdAt", 1).append("_id", 0))
                .batchSize(5_000).forEach(each);
    }

    /** The newest deliveries to one address (a scan: the embedded server builds no index on {@code address}). */
    List<Document> deliveriesTo(String address, int limit) {
        return deliveries.find(Filters.eq("address", address)).sort(new Document("createdAt", -1)).limit(limit)
                .into(new ArrayList<>());
    }

    /** Deliveries of a plan counted per channel and state. */
    List<Document> countsOfPlan(String planId) {
        return deliveries.aggregate(List.of(
                Aggregates.match(Filters.eq("plan", planId)),
                Aggregates.group(new Document("channel", "$channel").append("state", "$state"),
                        Accumulators.sum("n", 1)))).into(new ArrayList<>());
    }

    /** Fallback deliveries by channel: those made because an earlier channel did not reach the citizen. */
    List<Document> fallbacksOfPlan(String planId) {
        return deliveries.aggregate(List.of(
                Aggregates.match(Filters.and(Filters.eq("plan", planId), Filters.exists("fallbackFrom"))),
                Aggregates.group("$channel", Accumulators.sum("n", 1)))).into(new ArrayList<>());
    }

    void setDelivery(String id, Bson update) {
        deliveries.updateOne(Filters.eq("_id", id), update);
    }

    // ---- fallback checks: one per delivery that may still fall back, due when it should have reached ----

    void insertFallbackChecks(List<String> deliveryIds, Instant dueAt) {
        MongoErrors.insertManyIfAbsent(fallbackChecks, deliveryIds.stream()
                .map(id -> new Document("_id", id).append("dueAt", Date.from(dueAt))).toList());
    }

    /** Brings the checks of these deliveries forward: they failed, so their fallback need not wait. */
    void fallBackNow(List<String> deliveryIds, Instant now) {
        for (int from = 0; from < deliveryIds.size(); from += ID_CHUNK) {
            fallbackChecks.updateMany(Filters.in("_id", deliveryIds.subList(from, Math.min(from + ID_CHUNK, deliveryIds.size()))),
                    Updates.set("dueAt", Date.from(now)));
        }
    }

    /** Due checks; the collection holds only deliveries that may still fall back, so a scan stays small. */
    List<String> dueFallbackChecks(Instant now, int limit) {
        return fallbackChecks.find(Filters.lte("dueAt", Date.from(now))).limit(limit).map(d -> d.getString("_id"))
                .into(new ArrayList<>());
    }

    void rescheduleFallbackCheck(String deliveryId, Instant dueAt) {
        fallbackChecks.updateOne(Filters.eq("_id", deliveryId), Updates.set("dueAt", Date.from(dueAt)));
    }

    /** Taking a check is deleting it: only one sweeper escalates a delivery. */
    boolean takeFallbackCheck(String deliveryId) {
        return fallbackChecks.deleteOne(Filters.eq("_id", deliveryId)).getDeletedCount() == 1;
    }

    // ---- blocks and retries ----

    /**
     * A block of the queue outside its numbering (a fallback, a deferral): never claimed by number, it enters
     * through the retry path at {@code at}.
     */
    void insertRetryBlock(String blockId, Document queue, Date optOutsSince, List<String> subscriberIds,
                          List<String> addresses, Instant at) {
        insertBlock(new Document("_id", blockId).append("queue", queue.getString("_id")).append("number", -1L)
                .append("item", queue.getString("item")).append("deliveryKey", queue.getString("deliveryKey"))
                .append("channel", queue.getString("channel")).append("state", "RETRY").append("attempts", 0)
                .append("optOutsSince", optOutsSince).append("retryAt", Date.from(at))
                .append("subscribers", subscriberIds).append("addresses", addresses));
        scheduleRetry(blockId, at);
    }

    /** @return false when the block exists already (a resumed fan-out writing it again) */
    boolean insertBlock(Document block) {
        return MongoErrors.insertIfAbsent(blocks, block);
    }

    /** Takes a READY block for a worker: a compare-and-set on {@code {_id, state}}, an exact-key lookup. */
    Optional<Document> claimBlock(String blockId, String owner, Instant leaseUntil) {
        return Optional.ofNullable(blocks.findOneAndUpdate(new Document("_id", blockId).append("state", "READY"),
                Updates.combine(Updates.set("state", "WORKING"), Updates.set("owner", owner),
                        Updates.set("leaseUntil", Date.from(leaseUntil))),
                new com.mongodb.client.model.FindOneAndUpdateOptions()
                        .returnDocument(com.mongodb.client.model.ReturnDocument.AFTER)));
    }

    /** The results broadcast sends reported on a queue's blocks: a scan, asked only of broadcast plans. */
    List<Document> broadcastResults(String queueId) {
        return blocks.find(Filters.and(Filters.eq("queue", queueId), Filters.exists("broadcastResult")))
                .map(b -> b.get("broadcastResult", Document.class)).into(new java.util.ArrayList<>());
    }

    Optional<Document> block(String blockId) {
        return Optional.ofNullable(blocks.find(Filters.eq("_id", blockId)).first());
    }

    void setBlock(String blockId, Bson update) {
        blocks.updateOne(Filters.eq("_id", blockId), update);
    }

    /** Blocks whose worker stopped renewing: a full scan of the blocks, so the sweeper runs rarely. */
    List<String> expiredBlocks(Instant now) {
        return blocks.find(Filters.and(Filters.in("state", "WORKING", "SENDING"), Filters.lt("leaseUntil", Date.from(now))))
                .map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    void scheduleRetry(String blockId, Instant at) {
        retries.replaceOne(Filters.eq("_id", blockId), new Document("_id", blockId).append("retryAt", Date.from(at)),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    /** Due retries; a small collection (blocks waiting for a retry), so a scan is cheap. */
    List<String> dueRetries(Instant now) {
        return retries.find(Filters.lte("retryAt", Date.from(now))).map(d -> d.getString("_id"))
                .into(new ArrayList<>());
    }

    /** Taking a retry is deleting it: only one worker can. */
    boolean takeRetry(String blockId) {
        return retries.deleteOne(Filters.eq("_id", blockId)).getDeletedCount() == 1;
    }
}
