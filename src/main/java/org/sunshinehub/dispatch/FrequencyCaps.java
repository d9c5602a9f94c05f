package org.sunshinehub.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.audience.ChannelKind;
import org.sunshinehub.content.ContentItem;

/**
 * The per-citizen daily cap of each channel ({@code sunshine.dispatch.channels.<channel>.daily-cap}). A block's
 * first processing counts each recipient's non-urgent messages of the day ({@link CapCounters}, atomically, since
 * several workers process blocks of several plans at once); those over the cap wait for the next morning in a
 * block of their own, or are merged into that morning's digest (the plan's {@code overCap}). Urgent plans are not
 * capped.
 */
@Component
class FrequencyCaps {

    /** When a capped message goes out at the earliest: the next morning, at the end of the quiet hours or 08:00. */
    static final LocalTime MORNING = LocalTime.of(8, 0);

    private final CapCounters counters;
    private final DispatchStore store;
    private final Digests digests;
    private final DispatchProperties properties;
    private final Clock clock;

    FrequencyCaps(CapCounters counters, DispatchStore store, Digests digests, DispatchProperties properties, Clock clock) {
        this.counters = counters;
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
        Set<Integer> atCap = counters.admit(channel, pending.stream().map(BlockProcessor.Entry::subscriberId).toList(),
                cap, now);
        List<BlockProcessor.Entry> allowed = new ArrayList<>();
        List<BlockProcessor.Entry> over = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            (atCap.contains(i) ? over : allowed).add(pending.get(i));
        }
        if (!over.isEmpty()) {
            Instant morning = nextMorning(channel, now);
            if (PushJob.DIGEST.equals(queue.getString("overCap"))) {
                digests.add(channel, over, item, morning);
            } else {
                defer(block, queue, over, morning);
            }
        }
        return allowed;
    }

    private void defer(Document block, Document queue, List<BlockProcessor.Entry> over, Instant morning) {
        store.insertRetryBlock(block.getString("_id") + ":" + CapCounters.day(morning), queue, block.getDate("optOutsSince"),
                over.stream().map(BlockProcessor.Entry::subscriberId).toList(),
                over.stream().map(BlockProcessor.Entry::address).toList(), morning);
    }

    Instant nextMorning(ChannelKind channel, Instant now) {
        LocalTime end = QuietHours.parse(properties.channel(channel).quietHours()).map(QuietHours::end).orElse(MORNING);
        return CapCounters.day(now).plusDays(1).atTime(end).atZone(SunshineHubApplication.ZONE).toInstant();
    }
}
