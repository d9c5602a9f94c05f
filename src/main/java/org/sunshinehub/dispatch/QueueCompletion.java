package org.sunshinehub.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A drained queue is COMPLETED when its counters say every delivery is final, no fallback check is open and no
 * digest waits. Before it moves, the counters are checked once against the deliveries (a scan, once per queue):
 * a crash between a move and its count may have left them off, and then they are corrected instead.
 */
@Component
class QueueCompletion {

    private static final Logger log = LoggerFactory.getLogger(QueueCompletion.class);

    private final QueueStore queues;
    private final DeliveryStore deliveries;
    private final FallbackCheckStore checks;
    private final Channels channels;
    private final DispatchProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** The counters each drained queue had when its deliveries were last counted (to count only after a change). */
    private final Map<String, Map<DeliveryState, Long>> confirmed = new ConcurrentHashMap<>();

    QueueCompletion(QueueStore queues, DeliveryStore deliveries, FallbackCheckStore checks, Channels channels,
                    DispatchProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.queues = queues;
        this.deliveries = deliveries;
        this.checks = checks;
        this.channels = channels;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    void check(DispatchQueue queue) {
        Instant now = clock.instant();
        if (queue.state() != QueueState.DRAINED || !looksFinal(queue, queue.counts(), now) && !stalled(queue, now)) {
            return;
        }
        Map<DeliveryState, Long> counted = deliveries.countsOfQueue(queue);
        long openChecks = checks.openOf(queue.id());
        confirmed.put(queue.id(), counted);
        if (!counted.equals(queue.nonZeroCounts()) || openChecks != queue.fallbacksOpen()) {
            log.warn("Queue {}: counters corrected from the deliveries", queue.id());
            queues.recount(queue.id(), counted, openChecks);
            if (!looksFinal(queue, counted, now) || openChecks > 0) {
                return;
            }
        } else if (!looksFinal(queue, counted, now)) {
            return;
        }
        if (queues.move(queue.id(), QueueState.DRAINED, QueueState.COMPLETED, now)) {
            confirmed.remove(queue.id());
            log.info("Push {} on {} completed", queue.plan(), queue.channel().code());
            events.publishEvent(new PushCompleted(queue.plan(), queue.channel()));
        }
    }

    /**
     * Nothing was sent for two leases while the counters still show work: a kill between a move and its count (or
     * a count raced by a resumed fan-out) may have left them off. Counted once per state of the counters, so a
     * queue that really waits (quiet hours, retries) costs one scan, not one a sweep.
     */
    private boolean stalled(DispatchQueue queue, Instant now) {
        Instant quietSince = queue.lastSentAt() != null ? queue.lastSentAt() : queue.fannedOutAt();
        return quietSince != null && quietSince.plus(properties.lease().multipliedBy(2)).isBefore(now)
                && !queue.nonZeroCounts().equals(confirmed.get(queue.id()));
    }

    /**
     * Counts the deliveries of the queues under way again (a scan each), at start: a kill between a move of
     * deliveries and its count leaves the counters off, and this instance may have been the one killed.
     */
    void recountUnderWay() {
        for (DispatchQueue queue : queues.inStates(QueueState.FANNING_OUT, QueueState.READY, QueueState.DRAINED)) {
            Map<DeliveryState, Long> counted = deliveries.countsOfQueue(queue);
            long openChecks = checks.openOf(queue.id());
            if (!counted.equals(queue.nonZeroCounts()) || openChecks != queue.fallbacksOpen()) {
                log.warn("Queue {}: counters corrected from the deliveries at start", queue.id());
                queues.recount(queue.id(), counted, openChecks);
            }
        }
    }

    /** Looks at drained queues again: receipts that never came, counters a crash left off. */
    void sweep() {
        queues.inStates(QueueState.DRAINED).forEach(this::check);
    }

    private boolean looksFinal(DispatchQueue queue, Map<DeliveryState, Long> counts, Instant now) {
        long sent = counts.getOrDefault(DeliveryState.SENT, 0L);
        boolean receiptsAwaited = sent > 0 && reportsDelivery(queue) && queue.lastSentAt() != null
                && now.isBefore(queue.lastSentAt().plus(properties.receiptWait()));
        return counts.getOrDefault(DeliveryState.PENDING, 0L) == 0 && !receiptsAwaited
                && queue.fallbacksOpen() == 0 && queue.digestsOpen() == 0;
    }

    private boolean reportsDelivery(DispatchQueue queue) {
        return channels.has(queue.channel()) && channels.adapter(queue.channel()).reportsDelivery();
    }
}
