package org.sunshinehub.dispatch;

import static org.sunshinehub.dispatch.Stored.instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.storage.MongoErrors;

/**
 * {@code deliveries}, the only class that knows its field names. Deliveries are read and moved by {@code _id}
 * (computable, see {@link Delivery#id}); the unique {@code {_id, state}} index makes a guarded move an exact-key
 * lookup on the embedded store. Moves are checked against {@link DeliveryState#canMoveTo} before they are written.
 */
@Component
class DeliveryStore {

    static final int ID_CHUNK = 100;

    private final MongoCollection<Document> deliveries;

    DeliveryStore(MongoDatabase database) {
        this.deliveries = database.getCollection("deliveries");
        deliveries.createIndex(Indexes.ascending("_id", "state"), new IndexOptions().unique(true).name("id_state"));
        deliveries.createIndex(Indexes.ascending("queue", "state"), new IndexOptions().name("queue_state"));
    }

    /**
     * Inserts what is new in one unordered bulk.
     *
     * @return the positions in {@code batch} that already existed
     */
    Set<Integer> insertNew(List<Delivery> batch) {
        return MongoErrors.insertManyIfAbsent(deliveries, batch.stream().map(DeliveryStore::toDocument).toList());
    }

    /** Every delivery created since {@code from}, streamed (a scan: for the console's 30-day volume chart). */
    void eachCreatedSince(Instant from, Consumer<Delivery> each) {
        deliveries.find(Filters.gte("createdAt", Date.from(from))).batchSize(5_000).forEach(d -> each.accept(of(d)));
    }

    /** Reads deliveries by id, {@value #ID_CHUNK} at a time. */
    List<Delivery> byIds(List<String> ids) {
        List<Delivery> found = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            deliveries.find(Filters.in("_id", ids.subList(from, Math.min(from + ID_CHUNK, ids.size()))))
                    .map(DeliveryStore::of).into(found);
        }
        return found;
    }

    /**
     * Moves each delivery still in {@code from} to {@code to} with its change, in one unordered bulk write.
     *
     * @return how many moved
     */
    long move(DeliveryState from, DeliveryState to, List<Delivery.Change> changes, Instant at) {
        from.checkMoveTo(to);
        if (changes.isEmpty()) {
            return 0;
        }
        List<UpdateOneModel<Document>> models = new ArrayList<>(changes.size());
        for (Delivery.Change c : changes) {
            models.add(new UpdateOneModel<>(guard(c.deliveryId(), from), update(to, c, at)));
        }
        return deliveries.bulkWrite(models, new BulkWriteOptions().ordered(false)).getMatchedCount();
    }

    boolean moveOne(DeliveryState from, DeliveryState to, Delivery.Change change, Instant at) {
        from.checkMoveTo(to);
        return deliveries.updateOne(guard(change.deliveryId(), from), update(to, change, at)).getMatchedCount() == 1;
    }

    /** Moves a resendable delivery back to PENDING, now belonging to {@code queue} and its plan. */
    boolean requeueOne(DeliveryState from, String id, DispatchQueue queue, Instant at) {
        from.checkMoveTo(DeliveryState.PENDING);
        return deliveries.updateOne(guard(id, from), Updates.combine(
                update(DeliveryState.PENDING, Delivery.Change.of(id), at), Updates.set("queue", queue.id()),
                Updates.set("plan", queue.plan()), Updates.unset("reason"))).getMatchedCount() == 1;
    }

    void markFellBack(String id, ChannelKind to) {
        deliveries.updateOne(Filters.eq("_id", id), Updates.set("fellBackTo", to.code()));
    }

    /** A queue's deliveries counted per state: a scan, for checking the counters a queue keeps. */
    Map<DeliveryState, Long> countsOfQueue(String queueId) {
        Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
        deliveries.aggregate(List.of(Aggregates.match(Filters.eq("queue", queueId)),
                        Aggregates.group("$state", Accumulators.sum("n", 1))))
                .forEach(row -> counts.put(DeliveryState.valueOf(row.getString("_id")),
                        row.get("n", Number.class).longValue()));
        return counts;
    }

    /** Up to {@code limit} of a queue's deliveries in {@code state}: a scan, asked only when staff resend. */
    List<String> inState(String queueId, DeliveryState state, int limit) {
        return deliveries.find(new Document("queue", queueId).append("state", state.name())).limit(limit)
                .map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    /** A queue's deliveries in {@code state}, streamed: a scan, asked only when staff recall an item. */
    void eachInState(String queueId, DeliveryState state, Consumer<Delivery> each) {
        deliveries.find(new Document("queue", queueId).append("state", state.name())).batchSize(5_000)
                .forEach(d -> each.accept(of(d)));
    }

    private static Document guard(String id, DeliveryState from) {
        return new Document("_id", id).append("state", from.name());
    }

    private static Bson update(DeliveryState to, Delivery.Change c, Instant at) {
        List<Bson> sets = new ArrayList<>(List.of(Updates.set("state", to.name()), Updates.set("updatedAt", Date.from(at))));
        if (c.attempts() != null) {
            sets.add(Updates.set("attempts", c.attempts()));
        }
        if (c.providerId() != null) {
            sets.add(Updates.set("providerId", c.providerId()));
        }
        if (c.reason() != null) {
            sets.add(Updates.set("reason", c.reason()));
        }
        if (c.receiptCode() != null) {
            sets.add(Updates.set("receiptCode", c.receiptCode()));
            sets.add(Updates.set("receiptAt", Date.from(at)));
        }
        return Updates.combine(sets);
    }


    private static Document toDocument(Delivery d) {
        Document doc = new Document("_id", d.id()).append("plan", d.plan()).append("queue", d.queue())
                .append("item", d.item()).append("channel", d.channel().code()).append("subscriber", d.subscriber())
                .append("address", d.address()).append("state", d.state().name())
                .append("fallbackAfter", d.fallbackAfter().stream().map(ChannelKind::code).toList())
                .append("createdAt", Date.from(d.createdAt()));
        if (d.fallbackFrom() != null) {
            doc.append("fallbackFrom", d.fallbackFrom().code());
        }
        return doc;
    }

    private static Delivery of(Document d) {
        return new Delivery(d.getString("_id"), d.getString("plan"), d.getString("queue"), d.getString("item"),
                ChannelKind.of(d.getString("channel")), d.getString("subscriber"), d.getString("address"),
                DeliveryState.valueOf(d.getString("state")),
                d.getList("fallbackAfter", String.class, List.of()).stream().map(ChannelKind::of).toList(),
                channel(d, "fallbackFrom"), channel(d, "fellBackTo"), d.getInteger("attempts", 0),
                d.getString("providerId"), d.getString("reason"), d.getString("receiptCode"),
                instant(d, "createdAt"), instant(d, "updatedAt"), instant(d, "receiptAt"));
    }

    private static ChannelKind channel(Document d, String field) {
        return d.getString(field) == null ? null : ChannelKind.of(d.getString(field));
    }
}
