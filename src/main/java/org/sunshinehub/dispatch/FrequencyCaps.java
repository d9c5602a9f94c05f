package org.sunshinehub.dispatch;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.audience.ChannelKind;
import org.sunshinehub.content.ContentItem;

/**
 * The per-citizen daily cap of each channel ({@code sunshine.dispatch.channels.<channel>.daily-cap}). A block's
 * first processing counts each recipient's non-urgent messages of the day ({@code capCounters}, one small
 * document per channel, citizen and Beijing date, read by {@code _id}); those over the cap wait for the next
 * morning in a block of their own, or are merged into that morning's digest (the plan's {@code overCap}).
 * Urgent plans are not capped.
 */
@Component
class FrequencyCaps {

    /** When a capped message goes out at the earliest: the next morning, at the end of the quiet hours or 08:00. */
    static final LocalTime MORNING = LocalTime.of(8, 0);

    private final MongoCollection<Document> counters;
    private final DispatchStore store;
    private final Digests digests;
    private final DispatchProperties properties;
    private final Clock clock;

    FrequencyCaps(MongoDatabase database, DispatchStore store, Digests digests, DispatchProperties properties, Clock clock) {
        this.counters = database.getCollection("capCounters");
        this.store = store;
        this.digests = digests;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return the entries that may go now; the others are deferred or digested */
    List<BlockProcessor.Entry> admit(Document block, Document queue, ChannelKind channel, ContentItem item,
                                     List<BlockProcessor.Entry> pending) {
        int cap = properties.channel(channel).dailyCap();
        if (cap <= 0 || pending.isEmpty() || queue.getBoolean("urgent", false) || block.getInteger("attempts", 0) > 0) {
            return pending;
        }
        Instant now = clock.instant();
        List<BlockProcessor.Entry> allowed = new ArrayList<>();
        List<BlockProcessor.Entry> over = new ArrayList<>();
        Map<String, Integer> counts = counts(channel, pending, now);
        for (BlockProcessor.Entry e : pending) {
            String id = counterId(channel, e.subscriberId(), now);
            int n = counts.getOrDefault(id, 0);
            if (n < cap) {
                counts.put(id, n + 1);
                allowed.add(e);
            } else {
                over.add(e);
            }
        }
        count(channel, allowed.stream().map(BlockProcessor.Entry::subscriberId).toList(), now);
        if (!over.isEmpty()) {
            Instant morning = nextMorning(channel, now);
            if (PushJob.DIGEST.equals(queue.getString("overCap"))) {
                digests.add(channel, over, item, morning);
            } else {
                defer(block, over, morning);
            }
        }
        return allowed;
    }

    /** Counts messages sent outside blocks (a digest) against the day's cap. */
    void count(ChannelKind channel, List<String> subscriberIds, Instant at) {
        if (subscriberIds.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (String s : subscriberIds) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", counterId(channel, s, at)), Updates.combine(
                    Updates.inc("n", 1), Updates.setOnInsert("day", day(at).toString())), new UpdateOptions().upsert(true)));
        }
        counters.bulkWrite(writes);
    }

    private Map<String, Integer> counts(ChannelKind channel, List<BlockProcessor.Entry> entries, Instant now) {
        List<String> ids = entries.stream().map(e -> counterId(channel, e.subscriberId(), now)).distinct().toList();
        Map<String, Integer> counts = new HashMap<>();
        for (int from = 0; from < ids.size(); from += DispatchStore.ID_CHUNK) {
            counters.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + DispatchStore.ID_CHUNK))))
                    .forEach(d -> counts.put(d.getString("_id"), d.get("n", Number.class).intValue()));
        }
        return counts;
    }

    private void defer(Document block, List<BlockProcessor.Entry> over, Instant morning) {
        String deferredId = block.getString("_id") + ":" + day(morning);
        store.insertBlock(new Document("_id", deferredId).append("queue", block.getString("queue")).append("number", -1L)
                .append("item", block.getString("item")).append("deliveryKey", block.getString("deliveryKey"))
                .append("channel", block.getString("channel")).append("state", "RETRY").append("attempts", 0)
                .append("optOutsSince", block.getDate("optOutsSince"))
                .append("subscribers", over.stream().map(BlockProcessor.Entry::subscriberId).toList())
                .append("addresses", over.stream().map(BlockProcessor.Entry::address).toList()));
        store.scheduleRetry(deferredId, morning);
        store.setBlock(deferredId, Updates.set("retryAt", Date.from(morning)));
    }

    Instant nextMorning(ChannelKind channel, Instant now) {
        LocalTime end = QuietHours.parse(properties.channel(channel).quietHours()).map(QuietHours::end).orElse(MORNING);
        return day(now).plusDays(1).atTime(end).atZone(SunshineHubApplication.ZONE).toInstant();
    }

    private static String counterId(ChannelKind channel, String subscriberId, Instant at) {
        return channel.code() + ":" + subscriberId + ":" + day(at);
    }

    private static LocalDate day(Instant at) {
        return at.atZone(SunshineHubApplication.ZONE).toLocalDate();
    }
}
