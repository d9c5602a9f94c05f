package org.sunshinehub.dispatch;

import com.mongodb.client.model.Updates;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sunshinehub.audience.ChannelKind;

/**
 * The worker threads. Each loops: take a due retry (or a block whose worker died), else claim the next block of
 * an active queue, and process it. Claiming a new block is inserting the block document {@code <queue>:<start>}
 * (its unique id is the lock) and then moving the queue's claim mark; no per-delivery claim write is needed. A
 * fan-out is leased too (renewed with each batch), so one instance fans a queue out at a time. At start,
 * interrupted fan-outs resume and expired leases are swept; the sweep then runs every {@code sweep-interval}.
 */
@Component
class DispatchWorkers {

    private static final Logger log = LoggerFactory.getLogger(DispatchWorkers.class);

    private final DispatchStore store;
    private final BlockProcessor processor;
    private final FanOut fanOut;
    private final Channels channels;
    private final DispatchProperties properties;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private final ExecutorService workers;
    private final ExecutorService fanOuts = Executors.newFixedThreadPool(2, named("fan-out"));
    private volatile boolean running;
    private volatile List<Document> activeQueues = List.of();
    private volatile long queuesLoadedAt;
    private volatile Instant nextSweep = Instant.MIN;
    private volatile Instant nextFallbackSweep = Instant.MIN;
    private final Fallbacks fallbacks;
    private final Digests digests;

    DispatchWorkers(DispatchStore store, BlockProcessor processor, FanOut fanOut, Channels channels,
                    DispatchProperties properties, Clock clock, Fallbacks fallbacks, Digests digests) {
        this.fallbacks = fallbacks;
        this.digests = digests;
        this.store = store;
        this.processor = processor;
        this.fanOut = fanOut;
        this.channels = channels;
        this.properties = properties;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(properties.workers(), named("dispatch"));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        running = true;
        store.queuesIn(Queues.FANNING_OUT).forEach(q -> startFanOut(q.getString("_id")));
        for (int i = 0; i < properties.workers(); i++) {
            workers.submit(this::loop);
        }
    }

    void startFanOut(String queueId) {
        fanOuts.submit(() -> {
            try {
                fanOut.run(queueId, owner);
            } catch (RuntimeException e) {
                // The queue stays FANNING_OUT; its lease runs out and the sweep resumes it.
                log.error("Fan-out of {} stopped: {}", queueId, e.toString());
            }
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        fanOuts.shutdownNow();
        workers.shutdown();
        if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
        if (fanOuts.awaitTermination(10, TimeUnit.SECONDS)) {
            store.releaseFanOuts(owner);
        }
    }

    private void loop() {
        while (running) {
            try {
                sweepIfDue();
                Optional<Document> block = nextBlock();
                if (block.isPresent()) {
                    processor.process(block.get());
                } else {
                    Thread.sleep(properties.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A database hiccup must not kill the worker; the block's lease brings it back later.
                log.error("Dispatch worker error: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    private Optional<Document> nextBlock() {
        Instant now = clock.instant();
        for (String blockId : store.dueRetries(now)) {
            if (store.takeRetry(blockId)) {
                store.setBlock(blockId, Updates.combine(Updates.set("state", "WORKING"), Updates.set("owner", owner),
                        Updates.set("leaseUntil", Date.from(now.plus(properties.lease())))));
                return store.block(blockId);
            }
        }
        List<Document> queues = new ArrayList<>(activeQueues(now));
        Collections.shuffle(queues);
        for (Document queue : queues) {
            Optional<Document> block = claim(queue.getString("_id"), now);
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
    private Optional<Document> claim(String queueId, Instant now) {
        for (int tries = 0; tries < 8; tries++) {
            Document queue = store.queue(queueId).orElse(null);
            if (queue == null) {
                return Optional.empty();
            }
            long next = queue.get("claimed", Number.class).longValue();
            if (next >= queue.get("blocks", Number.class).longValue()) {
                finishIfDrained(queue);
                return Optional.empty();
            }
            Optional<Document> block = store.claimBlock(DispatchStore.blockId(queueId, next), owner,
                    now.plus(properties.lease()));
            store.advanceClaimed(queueId, next);
            if (block.isPresent()) {
                return block;
            }
        }
        return Optional.empty();
    }

    private void finishIfDrained(Document queue) {
        String state = queue.getString("state");
        if (Queues.READY.equals(state)) {
            store.moveQueue(queue.getString("_id"), Queues.READY, Queues.DONE);
        } else if (Queues.CANCELLED.equals(state)) {
            store.moveQueue(queue.getString("_id"), Queues.CANCELLED, Queues.CANCELLED + "_DONE");
        }
    }

    /** Queues with work, refreshed at most every poll interval; quiet hours hold back non-urgent ones. */
    private List<Document> activeQueues(Instant now) {
        long nowMillis = System.currentTimeMillis();
        if (nowMillis - queuesLoadedAt > properties.pollInterval().toMillis()) {
            activeQueues = store.queuesIn(Queues.FANNING_OUT, Queues.READY, Queues.CANCELLED);
            queuesLoadedAt = nowMillis;
        }
        return activeQueues.stream().filter(q -> sendableNow(q, now)).toList();
    }

    private boolean sendableNow(Document queue, Instant now) {
        ChannelKind channel = ChannelKind.of(queue.getString("channel"));
        if (!channels.has(channel)) {
            return false;
        }
        if (queue.getBoolean("urgent", false) || Queues.CANCELLED.equals(queue.getString("state"))) {
            return true;
        }
        return QuietHours.parse(properties.channel(channel).quietHours())
                .flatMap(q -> q.endIfInside(now)).isEmpty();
    }

    private void sweepIfDue() {
        Instant now = clock.instant();
        if (!now.isBefore(nextFallbackSweep)) {
            nextFallbackSweep = now.plus(properties.dueSweep());
            fallbacks.sweep();
            digests.sweep();
        }
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(properties.sweepInterval());
        for (String blockId : store.expiredBlocks(now)) {
            log.warn("Block {} lost its worker; taking it over", blockId);
            store.scheduleRetry(blockId, now);
        }
        for (String queueId : store.orphanedFanOuts(now)) {
            log.warn("Fan-out of {} lost its instance; taking it over", queueId);
            startFanOut(queueId);
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
