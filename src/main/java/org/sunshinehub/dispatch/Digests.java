package org.sunshinehub.dispatch;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunshinehub.audience.ChannelKind;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemRepository;

/**
 * Messages over a citizen's daily cap in a {@code digest} plan: their deliveries become DIGESTED and their items
 * gather in {@code digests} (one document per channel, citizen and morning), sent the next morning as one message
 * rendered from {@code templates/<channel>/digest.ftl}, which counts against that day's cap.
 */
@Component
class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);

    private final MongoCollection<Document> digests;
    private final DispatchStore store;
    private final Notices notices;
    private final ItemRepository items;
    private final CapCounters counters;
    private final DispatchProperties properties;
    private final Clock clock;

    Digests(MongoDatabase database, DispatchStore store, Notices notices, ItemRepository items,
            CapCounters counters, DispatchProperties properties, Clock clock) {
        this.digests = database.getCollection("digests");
        this.store = store;
        this.notices = notices;
        this.items = items;
        this.counters = counters;
        this.properties = properties;
        this.clock = clock;
    }

    void add(ChannelKind channel, List<BlockProcessor.Entry> entries, ContentItem item, Instant morning) {
        Instant now = clock.instant();
        Document line = new Document("itemId", item.id()).append("title", item.fields().title())
                .append("url", item.fields().url() == null ? "" : item.fields().url());
        for (BlockProcessor.Entry e : entries) {
            digests.updateOne(Filters.eq("_id", channel.code() + ":" + e.subscriberId() + ":" + morning.toEpochMilli()),
                    Updates.combine(Updates.setOnInsert("channel", channel.code()),
                            Updates.setOnInsert("subscriber", e.subscriberId()), Updates.setOnInsert("address", e.address()),
                            Updates.setOnInsert("dueAt", Date.from(morning)), Updates.setOnInsert("state", "PENDING"),
                            Updates.addToSet("items", line)),
                    new UpdateOptions().upsert(true));
        }
        store.transition(DeliveryState.PENDING, DeliveryState.DIGESTED, entries.stream()
                .<Map.Entry<String, org.bson.conversions.Bson>>map(e -> new AbstractMap.SimpleEntry<>(e.deliveryId(),
                        DispatchStore.toState(DeliveryState.DIGESTED, now, Updates.set("reason", "超过当日上限，并入次日摘要"))))
                .toList());
    }

    /** Sends the digests that are due; a small collection, so the scan is cheap. */
    void sweep() {
        Instant now = clock.instant();
        for (Document digest : digests.find(Filters.and(Filters.eq("state", "PENDING"), Filters.lte("dueAt", Date.from(now))))
                .limit(200).into(new ArrayList<>())) {
            send(digest, now);
        }
    }

    private void send(Document digest, Instant now) {
        String id = digest.getString("_id");
        ChannelKind channel = ChannelKind.of(digest.getString("channel"));
        List<Document> lines = digest.getList("items", Document.class);
        ContentItem first = items.findById(lines.get(0).getString("itemId")).orElse(null);
        if (first == null) {
            settle(id, "FAILED", "信息已不存在");
            return;
        }
        Map<String, Object> summary = Map.of("count", lines.size(), "items",
                lines.stream().map(l -> Map.of("title", l.getString("title"), "url", l.getString("url"))).toList());
        SendOutcome outcome = notices.send(channel, digest.getString("address"), first, "digest",
                Map.of("digest", summary), "digest:" + id);
        switch (outcome.kind()) {
            case ACCEPTED -> {
                settle(id, "SENT", null);
                counters.count(channel, digest.getString("subscriber"), now);
                log.info("Digest of {} items sent on {}", lines.size(), channel.code());
            }
            case PERMANENT -> settle(id, "FAILED", outcome.reason());
            case RETRY, HOLD -> digests.updateOne(Filters.eq("_id", id), Updates.combine(Updates.inc("attempts", 1),
                    Updates.set("dueAt", Date.from(now.plus(Backoff.after(digest.getInteger("attempts", 0) + 1,
                            properties.backoffInitial(), properties.backoffMax())))), Updates.set("lastError", outcome.reason())));
        }
    }

    private void settle(String id, String state, String reason) {
        digests.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", state), Updates.set("reason", reason)));
    }
}
