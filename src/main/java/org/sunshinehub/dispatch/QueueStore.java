package org.sunshinehub.dispatch;

import static org.sunshinehub.dispatch.Stored.instant;
import static org.sunshinehub.dispatch.Stored.number;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.sunshinehub.audience.AudienceSpec;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.storage.MongoErrors;

/**
 * {@code dispatchQueues}, the only class that knows its field names. A small collection (one document per plan
 * and channel), so its scans are cheap. Every state move is guarded twice: {@link QueueState} refuses a move that
 * does not exist, and the update matches only a queue still in the state it moves from.
 */
@Component
class QueueStore {

    private final MongoCollection<Document> queues;

    QueueStore(MongoDatabase database) {
        this.queues = database.getCollection("dispatchQueues");
    }

    /** @return false when the queue exists already (the same job started again) */
    boolean create(DispatchQueue queue) {
        return MongoErrors.insertIfAbsent(queues, toDocument(queue));
    }

    Optional<DispatchQueue> find(String id) {
        return Optional.ofNullable(queues.find(Filters.eq("_id", id)).first()).map(QueueStore::of);
    }

    List<DispatchQueue> inStates(QueueState... states) {
        return queues.find(Filters.in("state", Arrays.stream(states).map(Enum::name).toList())).map(QueueStore::of)
                .into(new ArrayList<>());
    }

    List<DispatchQueue> ofPlan(String planId) {
        return queues.find(Filters.eq("plan", planId)).map(QueueStore::of).into(new ArrayList<>());
    }

    /** The queues of an item (all, when {@code itemId} is null): what a trace looks for deliveries in. */
    List<DispatchQueue> ofItem(String itemId) {
        return queues.find(itemId == null ? new Document() : Filters.eq("item", itemId)).map(QueueStore::of)
                .into(new ArrayList<>());
    }

    /** The newest queue whose plan used this reply code. */
    Optional<DispatchQueue> newestWithReplyCode(String replyCode) {
        return Optional.ofNullable(queues.find(new Document("replyCode", replyCode)).sort(new Document("createdAt", -1))
                .first()).map(QueueStore::of);
    }

    boolean move(String id, QueueState from, QueueState to, Instant at) {
        from.checkMoveTo(to);
        Bson set = Updates.set("state", to.name());
        if (to == QueueState.COMPLETED) {
            set = Updates.combine(set, Updates.set("completedAt", Date.from(at)));
        } else if (to == QueueState.READY) {
            set = Updates.combine(set, Updates.set("fannedOutAt", Date.from(at)));
        }
        return queues.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", from.name())), set)
                .getModifiedCount() == 1;
    }

    /**
     * Takes the fan-out of a queue for one run ({@code run}, of instance {@code instance}) until {@code until}: one
     * run fans a queue out at a time, even within an instance, and another takes over when the lease has run out.
     *
     * @return the queue, counting the run; empty when a lease that has not expired is held, or the fan-out is over
     */
    Optional<DispatchQueue> takeFanOut(String id, String instance, String run, Instant now, Instant until) {
        Bson free = Filters.or(Filters.exists("fanOutLeaseUntil", false), Filters.lt("fanOutLeaseUntil", Date.from(now)));
        return Optional.ofNullable(queues.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq("state", QueueState.FANNING_OUT.name()), free),
                Updates.combine(Updates.set("fanOutInstance", instance), Updates.set("fanOutRun", run),
                        Updates.set("fanOutLeaseUntil", Date.from(until)), Updates.inc("fanOutRuns", 1)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(QueueStore::of);
    }

    /** @return false when the run lost its lease to another, or the fan-out was stopped (a cancelled plan) */
    boolean renewFanOut(String id, String run, Instant until) {
        return queues.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", QueueState.FANNING_OUT.name()),
                Filters.eq("fanOutRun", run)), Updates.set("fanOutLeaseUntil", Date.from(until))).getMatchedCount() == 1;
    }

    /** Fan-outs no live instance holds: never leased, or the lease ran out. */
    List<String> orphanedFanOuts(Instant now) {
        return queues.find(Filters.and(Filters.eq("state", QueueState.FANNING_OUT.name()), Filters.or(
                        Filters.exists("fanOutLeaseUntil", false), Filters.lt("fanOutLeaseUntil", Date.from(now)))))
                .map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    /** At a clean stop: this instance's fan-outs may be taken over at once. */
    void releaseFanOuts(String instance) {
        queues.updateMany(Filters.and(Filters.eq("state", QueueState.FANNING_OUT.name()),
                Filters.eq("fanOutInstance", instance)), Updates.set("fanOutLeaseUntil", new Date(0)));
    }

    /** Saves a fan-out's progress after a batch; its new deliveries are counted PENDING in the same write. */
    void saveProgress(String id, long streamed, long blocks, long produced, long added) {
        queues.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("streamed", streamed),
                Updates.set("blocks", blocks), Updates.set("produced", produced),
                Updates.inc(countField(DeliveryState.PENDING), added)));
    }

    /** Moves the claim mark past block {@code number}; nothing when it has moved on already. */
    void advanceClaimed(String id, long number) {
        queues.updateOne(new Document("_id", id).append("claimed", number), Updates.set("claimed", number + 1));
    }

    /**
     * Counts {@code n} deliveries moved from {@code from} ({@code null}: new ones) to {@code to}.
     *
     * @return the queue after the count
     */
    Optional<DispatchQueue> count(String id, DeliveryState from, DeliveryState to, long n, Instant at) {
        if (n == 0) {
            return Optional.empty();
        }
        List<Bson> updates = new ArrayList<>(List.of(Updates.inc(countField(to), n)));
        if (from != null) {
            updates.add(Updates.inc(countField(from), -n));
        }
        if (to == DeliveryState.SENT) {
            updates.add(Updates.set("lastSentAt", Date.from(at)));
        }
        return add(id, Updates.combine(updates));
    }

    /** A delivery left the queue (a later plan resends it). */
    void uncount(String id, DeliveryState state, long n) {
        queues.updateOne(Filters.eq("_id", id), Updates.inc(countField(state), -n));
    }

    /** Replaces the counts with ones read from the deliveries (after a crash between a move and its count). */
    void recount(String id, Map<DeliveryState, Long> counts, long fallbacksOpen) {
        Document c = new Document();
        counts.forEach((state, n) -> c.append(state.name(), n));
        queues.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("counts", c),
                Updates.set("fallbacksOpen", fallbacksOpen)));
    }

    Optional<DispatchQueue> addFallbacksOpen(String id, long n) {
        return add(id, Updates.inc("fallbacksOpen", n));
    }

    Optional<DispatchQueue> addDigestsOpen(String id, long n) {
        return add(id, Updates.inc("digestsOpen", n));
    }

    void countFellBack(String id) {
        queues.updateOne(Filters.eq("_id", id), Updates.inc("fellBack", 1));
    }

    void countDeferred(String id, long n) {
        queues.updateOne(Filters.eq("_id", id), Updates.inc("deferred", n));
    }

    private Optional<DispatchQueue> add(String id, Bson update) {
        return Optional.ofNullable(queues.findOneAndUpdate(Filters.eq("_id", id), update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(QueueStore::of);
    }

    private static String countField(DeliveryState state) {
        return "counts." + state.name();
    }

    private static Document toDocument(DispatchQueue q) {
        PushJob job = q.job();
        return new Document("_id", q.id()).append("plan", job.planId()).append("item", job.itemId())
                .append("channel", job.channel().code()).append("audience", job.audience().toDocument())
                .append("urgent", job.urgent()).append("broadcast", job.broadcast())
                .append("overCap", job.overCap().name())
                .append("fallbackOrder", job.fallbackOrder().stream().map(ChannelKind::code).toList())
                .append("replyCode", job.replyCode()).append("purpose", job.purpose()).append("resend", job.resend())
                .append("deliveryKey", job.deliveryKey()).append("state", q.state().name())
                .append("streamed", 0L).append("blocks", 0L).append("produced", 0L).append("claimed", 0L)
                .append("fanOutRuns", 0).append("counts", new Document())
                .append("createdAt", Date.from(q.createdAt()));
    }

    private static DispatchQueue of(Document d) {
        PushJob job = new PushJob(d.getString("plan"), d.getString("item"), ChannelKind.of(d.getString("channel")),
                AudienceSpec.fromDocument(d.get("audience", Document.class)), d.getBoolean("urgent", false),
                d.getBoolean("broadcast", false),
                d.getList("fallbackOrder", String.class, List.of()).stream().map(ChannelKind::of).toList(),
                OverCap.valueOf(d.getString("overCap")), d.getString("replyCode"), d.getString("purpose"),
                d.getBoolean("resend", false));
        Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
        d.get("counts", new Document()).forEach((state, n) -> counts.put(DeliveryState.valueOf(state),
                ((Number) n).longValue()));
        return new DispatchQueue(d.getString("_id"), job, QueueState.valueOf(d.getString("state")),
                new DispatchQueue.FanOutProgress(number(d, "streamed"), number(d, "blocks"), number(d, "produced"),
                        number(d, "claimed"), d.getInteger("fanOutRuns", 0)),
                counts, number(d, "fallbacksOpen"), number(d, "digestsOpen"), number(d, "fellBack"),
                number(d, "deferred"), instant(d, "createdAt"), instant(d, "fannedOutAt"), instant(d, "completedAt"),
                instant(d, "lastSentAt"));
    }
}
