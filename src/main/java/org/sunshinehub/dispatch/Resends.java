package org.sunshinehub.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunshinehub.audience.Recipient;

/**
 * Sends failed deliveries once more. Each moves FAILED | UNDELIVERED → PENDING by a guarded write, so a resend
 * asked twice at once queues each delivery once; the moved ones go out in blocks of their own through the retry
 * path, where opt-outs since the push began are honoured like any other block's.
 */
@Component
class Resends {

    private static final Logger log = LoggerFactory.getLogger(Resends.class);
    private static final int PASS = 10_000;

    private final DeliveryStore deliveries;
    private final QueueStore queues;
    private final BlockStore blocks;
    private final RetryStore retries;
    private final DispatchProperties properties;
    private final Clock clock;

    Resends(DeliveryStore deliveries, QueueStore queues, BlockStore blocks, RetryStore retries,
            DispatchProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.queues = queues;
        this.blocks = blocks;
        this.retries = retries;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return how many deliveries of the plan were queued again */
    long resendFailed(String planId) {
        long total = 0;
        for (DispatchQueue queue : queues.ofPlan(planId)) {
            if (!queue.state().isCancelled()) {
                total += resendFailed(queue);
            }
        }
        return total;
    }

    private long resendFailed(DispatchQueue queue) {
        Instant now = clock.instant();
        List<Delivery> moved = new ArrayList<>();
        for (DeliveryState state : DeliveryState.resendable()) {
            List<String> ids = deliveries.inState(queue, state, PASS);
            List<String> requeued = requeue(state, ids, queue, now);
            queues.count(queue.id(), state, DeliveryState.PENDING, requeued.size(), now);
            moved.addAll(deliveries.byIds(requeued));
        }
        if (moved.isEmpty()) {
            return 0;
        }
        queues.move(queue.id(), QueueState.COMPLETED, QueueState.DRAINED, now);
        int size = properties.channel(queue.channel()).batchSize();
        for (int from = 0; from < moved.size(); from += size) {
            List<Recipient> recipients = moved.subList(from, Math.min(from + size, moved.size())).stream()
                    .map(d -> new Recipient(d.subscriber(), d.address())).toList();
            Block block = Block.unnumbered(queue.id() + ":resend:" + now.toEpochMilli() + ":" + from, queue,
                    queue.createdAt().minus(FanOut.OPT_OUT_MARGIN), recipients);
            blocks.insert(block);
            retries.schedule(block.id(), now);
        }
        log.info("Push {} on {}: {} failed deliveries queued again", queue.plan(), queue.channel().code(), moved.size());
        return moved.size();
    }

    /**
     * Moves the failed deliveries of earlier plans that a resending fan-out found to its queue; their old queues
     * count them no more.
     *
     * @return the ids that moved (the others changed meanwhile)
     */
    Set<String> adopt(DispatchQueue into, List<Delivery> failed, Instant now) {
        Set<String> moved = new java.util.HashSet<>();
        for (Delivery d : failed) {
            if (deliveries.requeueOne(d.state(), d.id(), into, now)) {
                queues.uncount(d.queue(), d.state(), 1);
                moved.add(d.id());
            }
        }
        return moved;
    }

    private List<String> requeue(DeliveryState from, List<String> ids, DispatchQueue queue, Instant now) {
        return ids.stream().filter(id -> deliveries.requeueOne(from, id, queue, now)).toList();
    }
}
