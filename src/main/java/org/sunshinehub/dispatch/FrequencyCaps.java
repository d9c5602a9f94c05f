package org.sunshinehub.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.audience.Recipient;
import org.sunshinehub.content.ContentItem;

/**
 * The per-citizen daily cap of each channel ({@code sunshine.dispatch.channels.<channel>.daily-cap}). A block's
 * first processing counts each recipient's non-urgent messages of the day ({@link CapCounters}, atomically, since
 * several workers process blocks of several plans at once); those over the cap wait for the next morning in a
 * block of their own, or are merged into that morning's digest (the plan's {@link OverCap}). Urgent plans are not
 * capped.
 */
@Component
class FrequencyCaps {

    /** When a capped message goes out at the earliest: the next morning, at the end of the quiet hours or 08:00. */
    static final LocalTime MORNING = LocalTime.of(8, 0);

    private final CapCounters counters;
    private final BlockStore blocks;
    private final RetryStore retries;
    private final QueueStore queues;
    private final Digests digests;
    private final DispatchProperties properties;
    private final Clock clock;

    FrequencyCaps(CapCounters counters, BlockStore blocks, RetryStore retries, QueueStore queues, Digests digests,
                  DispatchProperties properties, Clock clock) {
        this.counters = counters;
        this.blocks = blocks;
        this.retries = retries;
        this.queues = queues;
        this.digests = digests;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return the recipients that may have it now; the others are deferred or digested */
    List<Recipient> admit(Block block, DispatchQueue queue, ContentItem item, List<Recipient> pending) {
        int cap = properties.channel(block.channel()).dailyCap();
        if (cap <= 0 || pending.isEmpty() || queue.job().urgent() || !block.firstAttempt()) {
            return pending;
        }
        Instant now = clock.instant();
        Set<Integer> atCap = counters.admit(block.channel(), pending.stream().map(Recipient::subscriberId).toList(),
                cap, now);
        List<Recipient> allowed = new ArrayList<>();
        List<Recipient> over = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            (atCap.contains(i) ? over : allowed).add(pending.get(i));
        }
        if (!over.isEmpty()) {
            Instant morning = nextMorning(block, now);
            if (queue.job().overCap() == OverCap.DIGEST) {
                digests.add(block, queue, over, item, morning);
            } else {
                defer(block, queue, over, morning);
            }
        }
        return allowed;
    }

    private void defer(Block block, DispatchQueue queue, List<Recipient> over, Instant morning) {
        Block later = Block.unnumbered(block.id() + ":" + CapCounters.day(morning), queue, block.optOutsSince(), over);
        if (blocks.insert(later)) {
            queues.countDeferred(queue.id(), over.size());
        }
        retries.schedule(later.id(), morning);
    }

    private Instant nextMorning(Block block, Instant now) {
        LocalTime end = QuietHours.parse(properties.channel(block.channel()).quietHours()).map(QuietHours::end)
                .orElse(MORNING);
        return CapCounters.day(now).plusDays(1).atTime(end).atZone(SunshineHubApplication.ZONE).toInstant();
    }
}
