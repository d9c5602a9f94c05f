package org.sunshinehub.dispatch;

import jakarta.annotation.PreDestroy;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The worker threads. Each loops: run the sweeps that are due, take a due retry (or a block whose worker died),
 * else claim the next block of an active queue ({@link BlockClaims}), and process it. A fan-out is leased (renewed
 * with each batch), so one instance fans a queue out at a time. At start, interrupted fan-outs resume and expired
 * leases are swept; the sweep then runs every {@code sweep-interval}.
 */
@Component
class DispatchWorkers {

    private static final Logger log = LoggerFactory.getLogger(DispatchWorkers.class);

    private final QueueStore queues;
    private final BlockClaims claims;
    private final BlockProcessor processor;
    private final FanOut fanOut;
    private final Sweeps sweeps;
    private final QueueCompletion completion;
    private final DispatchProperties properties;
    private final String owner = UUID.randomUUID().toString();
    private final ExecutorService workers;
    private final ExecutorService fanOuts = Executors.newFixedThreadPool(2, named("fan-out"));
    private volatile boolean running;

    DispatchWorkers(QueueStore queues, BlockClaims claims, BlockProcessor processor, FanOut fanOut, Sweeps sweeps,
                    QueueCompletion completion, DispatchProperties properties) {
        this.completion = completion;
        this.queues = queues;
        this.claims = claims;
        this.processor = processor;
        this.fanOut = fanOut;
        this.sweeps = sweeps;
        this.properties = properties;
        this.workers = Executors.newFixedThreadPool(properties.workers(), named("dispatch"));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        running = true;
        completion.recountUnderWay();
        queues.inStates(QueueState.FANNING_OUT).forEach(q -> startFanOut(q.id()));
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
            queues.releaseFanOuts(owner);
        }
    }

    private void loop() {
        while (running) {
            try {
                sweeps.runDue(this::startFanOut);
                Optional<Block> block = claims.next(owner);
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

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
