package org.sunshinehub.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** Moves deliveries and counts each move on their queue, which then looks whether it is complete. */
@Component
class DeliveryMoves {

    private final DeliveryStore deliveries;
    private final QueueStore queues;
    private final QueueCompletion completion;
    private final FallbackCheckStore checks;
    private final DispatchMeters meters;
    private final Clock clock;

    DeliveryMoves(DeliveryStore deliveries, QueueStore queues, QueueCompletion completion, FallbackCheckStore checks,
                  DispatchMeters meters, Clock clock) {
        this.meters = meters;
        this.checks = checks;
        this.deliveries = deliveries;
        this.queues = queues;
        this.completion = completion;
        this.clock = clock;
    }

    /** @return how many of the deliveries were still in {@code from} and moved */
    long move(String queueId, DeliveryState from, DeliveryState to, List<Delivery.Change> changes) {
        Instant now = clock.instant();
        long moved = deliveries.move(from, to, changes, now);
        counted(queueId, from, to, moved, now);
        return moved;
    }

    /** Every delivery of the list moves with the same reason. */
    long moveAll(String queueId, DeliveryState from, DeliveryState to, List<String> ids, String reason) {
        return move(queueId, from, to, ids.stream().map(id -> Delivery.Change.reason(id, reason)).toList());
    }

    /** These deliveries reached their citizen: no fallback will be needed. */
    void reached(String queueId, List<String> ids) {
        long closed = checks.closeAll(ids);
        if (closed > 0) {
            queues.addFallbacksOpen(queueId, -closed).ifPresent(completion::check);
        }
    }

    void counted(String queueId, DeliveryState from, DeliveryState to, long n, Instant at) {
        if (n > 0) {
            queues.count(queueId, from, to, n, at).ifPresent(queue -> {
                meters.moved(queue.channel(), to, n);
                completion.check(queue);
            });
        }
    }
}
