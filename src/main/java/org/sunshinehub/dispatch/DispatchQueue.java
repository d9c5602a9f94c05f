package org.sunshinehub.dispatch;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sunshinehub.channelkind.ChannelKind;

/**
 * A {@code dispatchQueues} document: one plan's push on one channel, with its fan-out progress and its deliveries
 * counted per state (kept with every move, so progress is read from a handful of queue documents, never from the
 * deliveries).
 *
 * @param counts        deliveries of this queue per state
 * @param fallbacksOpen deliveries whose fallback check is still to come
 * @param digestsOpen   messages of this queue waiting in a digest that has not gone yet
 * @param fellBack      deliveries this queue made because an earlier channel did not reach the citizen
 * @param deferred      messages deferred to the next morning by the daily cap
 */
record DispatchQueue(String id, PushJob job, QueueState state, FanOutProgress progress,
                     Map<DeliveryState, Long> counts, long fallbacksOpen, long digestsOpen, long fellBack, long deferred,
                     Instant createdAt, Instant fannedOutAt, Instant completedAt, Instant lastSentAt) {

    DispatchQueue {
        counts = counts.isEmpty() ? new EnumMap<>(DeliveryState.class) : new EnumMap<>(counts);
    }

    static DispatchQueue start(PushJob job, Instant now) {
        return new DispatchQueue(job.queueId(), job, QueueState.FANNING_OUT, FanOutProgress.NONE,
                Map.of(), 0, 0, 0, 0, now, null, null, null);
    }

    String plan() {
        return job.planId();
    }

    ChannelKind channel() {
        return job.channel();
    }

    /** The counts without the states at zero: what the deliveries themselves would count. */
    Map<DeliveryState, Long> nonZeroCounts() {
        Map<DeliveryState, Long> result = new EnumMap<>(DeliveryState.class);
        counts.forEach((s, n) -> {
            if (n != 0) {
                result.put(s, n);
            }
        });
        return result;
    }

    long count(DeliveryState state) {
        return counts.getOrDefault(state, 0L);
    }

    /** Deliveries not yet final; SENT counts as final where the channel reports no delivery. */
    long open(boolean receiptsExpected) {
        return count(DeliveryState.PENDING) + (receiptsExpected ? count(DeliveryState.SENT) : 0);
    }

    /** Where a fan-out stands: subscribers read, blocks written and claimed, deliveries made; saved per batch. */
    record FanOutProgress(long streamed, long blocks, long produced, long claimed, int runs) {

        static final FanOutProgress NONE = new FanOutProgress(0, 0, 0, 0, 0);
    }

    /** The channels to try next for a citizen this channel does not reach. */
    List<ChannelKind> fallbackAfter() {
        return job.fallbackAfter();
    }
}
