package org.sunshinehub.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the workers look for now and then: fallbacks and digests that came due (every {@code due-sweep}); blocks
 * and fan-outs whose lease ran out, and drained queues to look at again (every {@code sweep-interval}: full scans).
 */
@Component
class Sweeps {

    private static final Logger log = LoggerFactory.getLogger(Sweeps.class);

    private final BlockStore blocks;
    private final RetryStore retries;
    private final QueueStore queues;
    private final Fallbacks fallbacks;
    private final Digests digests;
    private final QueueCompletion completion;
    private final DispatchProperties properties;
    private final Clock clock;
    private volatile Instant nextSweep = Instant.MIN;
    private final AtomicReference<Instant> nextDueSweep = new AtomicReference<>(Instant.MIN);

    Sweeps(BlockStore blocks, RetryStore retries, QueueStore queues, Fallbacks fallbacks, Digests digests,
           QueueCompletion completion, DispatchProperties properties, Clock clock) {
        this.blocks = blocks;
        this.retries = retries;
        this.queues = queues;
        this.fallbacks = fallbacks;
        this.digests = digests;
        this.completion = completion;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param resumeFanOut starts the fan-out of a queue whose instance is gone */
    void runDue(Consumer<String> resumeFanOut) {
        Instant now = clock.instant();
        Instant due = nextDueSweep.get();
        // one worker at a time: each one calls this between blocks
        if (!now.isBefore(due) && nextDueSweep.compareAndSet(due, now.plus(properties.dueSweep()))) {
            fallbacks.sweep();
            digests.sweep();
        }
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(properties.sweepInterval());
        for (String blockId : blocks.expired(now)) {
            log.warn("Block {} lost its worker; taking it over", blockId);
            retries.schedule(blockId, now);
        }
        for (String queueId : queues.orphanedFanOuts(now)) {
            log.warn("Fan-out of {} lost its instance; taking it over", queueId);
            resumeFanOut.accept(queueId);
        }
        completion.sweep();
    }
}
