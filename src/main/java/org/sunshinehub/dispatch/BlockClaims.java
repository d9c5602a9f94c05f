package org.sunshinehub.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds a worker its next block: a due retry first, else the next READY block of an active queue. Claiming is a
 * compare-and-set on the block's {@code {_id, state}} and then moving the queue's claim mark; no per-delivery
 * claim write is needed. A queue whose numbered blocks are all claimed is DRAINED.
 */
@Component
class BlockClaims {

    private final QueueStore queues;
    private final BlockStore blocks;
    private final RetryStore retries;
    private final QueueCompletion completion;
    private final Channels channels;
    private final DispatchProperties properties;
    private final Clock clock;
    private volatile List<DispatchQueue> activeQueues = List.of();
    private volatile long queuesLoadedAt;

    BlockClaims(QueueStore queues, BlockStore blocks, RetryStore retries, QueueCompletion completion,
                Channels channels, DispatchProperties properties, Clock clock) {
        this.queues = queues;
        this.blocks = blocks;
        this.retries = retries;
        this.completion = completion;
        this.channels = channels;
        this.properties = properties;
        this.clock = clock;
    }

    Optional<Block> next(String owner) {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(properties.lease());
        for (String blockId : retries.due(now)) {
            if (retries.take(blockId)) {
                Optional<Block> block = blocks.takeOver(blockId, owner, now, leaseUntil);
                if (block.isPresent()) {
                    return block;
                }
            }
        }
        List<DispatchQueue> active = new ArrayList<>(activeQueues(now));
        Collections.shuffle(active);
        for (DispatchQueue queue : active) {
            Optional<Block> block = claim(queue.id(), owner, leaseUntil);
            if (block.isPresent()) {
                return block;
            }
        }
        return Optional.empty();
    }

    /**
     * Takes the next READY block of the queue. A block someone else holds (or that is done) is passed: the claim
     * mark only moves forward, and a block whose owner died comes back through the lease sweep.
     */
    private Optional<Block> claim(String queueId, String owner, Instant leaseUntil) {
        for (int tries = 0; tries < 8; tries++) {
            DispatchQueue queue = queues.find(queueId).orElse(null);
            if (queue == null) {
                return Optional.empty();
            }
            long next = queue.progress().claimed();
            if (next >= queue.progress().blocks()) {
                drainIfDone(queue);
                return Optional.empty();
            }
            Optional<Block> block = blocks.take(Block.id(queueId, next), BlockState.READY, owner, leaseUntil);
            queues.advanceClaimed(queueId, next);
            if (block.isPresent()) {
                return block;
            }
        }
        return Optional.empty();
    }

    private void drainIfDone(DispatchQueue queue) {
        Instant now = clock.instant();
        if (queue.state() == QueueState.READY && queues.move(queue.id(), QueueState.READY, QueueState.DRAINED, now)) {
            queues.find(queue.id()).ifPresent(completion::check);
        } else if (queue.state() == QueueState.CANCELLED) {
            queues.move(queue.id(), QueueState.CANCELLED, QueueState.CANCELLED_DONE, now);
        }
    }

    /** Queues with work, refreshed at most every poll interval; quiet hours hold back non-urgent ones. */
    private List<DispatchQueue> activeQueues(Instant now) {
        long nowMillis = System.currentTimeMillis();
        if (nowMillis - queuesLoadedAt > properties.pollInterval().toMillis()) {
            activeQueues = queues.inStates(QueueState.FANNING_OUT, QueueState.READY, QueueState.CANCELLED);
            queuesLoadedAt = nowMillis;
        }
        return activeQueues.stream().filter(q -> sendableNow(q, now)).toList();
    }

    private boolean sendableNow(DispatchQueue queue, Instant now) {
        if (!channels.has(queue.channel())) {
            return false;
        }
        if (queue.job().urgent() || queue.state() == QueueState.CANCELLED) {
            return true;
        }
        return QuietHours.parse(properties.channel(queue.channel()).quietHours())
                .flatMap(q -> q.endIfInside(now)).isEmpty();
    }
}
