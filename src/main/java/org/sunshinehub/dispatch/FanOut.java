package org.sunshinehub.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.sunshinehub.audience.Recipient;
import org.sunshinehub.audience.SubscriberDirectory;
import org.sunshinehub.channelkind.ChannelKind;

/**
 * Turns a queue's audience into PENDING deliveries and numbered blocks: streams subscribers with a cursor, a block's
 * worth at a time, and hands {@value #BLOCKS_PER_ROUND} blocks' worth at once to {@link FanOutBatch}. A run resuming
 * after a crash skips what was streamed and adopts the blocks written just before the crash.
 */
@Component
class FanOut {

    /** Opt-outs from this long before a batch was read are checked again at dispatch (clock skew margin). */
    static final Duration OPT_OUT_MARGIN = Duration.ofMinutes(1);
    /** Blocks written per round trip of the fan-out: its writes wait for the store's sync, one after another. */
    static final int BLOCKS_PER_ROUND = 4;
    private static final Logger log = LoggerFactory.getLogger(FanOut.class);

    private final QueueStore queues;
    private final BlockStore blocks;
    private final FanOutBatch batches;
    private final SubscriberDirectory subscribers;
    private final DispatchProperties properties;
    private final Channels channels;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FanOut(QueueStore queues, BlockStore blocks, FanOutBatch batches, SubscriberDirectory subscribers,
           DispatchProperties properties, Channels channels, ApplicationEventPublisher events, Clock clock) {
        this.queues = queues;
        this.blocks = blocks;
        this.batches = batches;
        this.subscribers = subscribers;
        this.properties = properties;
        this.channels = channels;
        this.events = events;
        this.clock = clock;
    }

    /** Fans the queue out unless another run holds its lease; {@code instance} names this instance. */
    void run(String queueId, String instance) {
        Instant leasedAt = clock.instant();
        String runId = instance + ":" + UUID.randomUUID();
        Optional<DispatchQueue> taken = queues.takeFanOut(queueId, instance, runId, leasedAt,
                leasedAt.plus(properties.lease()));
        if (taken.isEmpty()) {
            return;
        }
        DispatchQueue queue = taken.get();
        FanOutBatch.Run run = new FanOutBatch.Run(queue, runId, queue.progress());
        adoptBlocksWrittenBeforeCrash(run);
        long started = System.nanoTime();
        try {
            stream(queue, run);
        } catch (CancellationException e) {
            log.info("Fan-out of {} stopped: the plan was cancelled, or another instance took the fan-out over", queueId);
            return;
        }
        if (queues.move(queueId, QueueState.FANNING_OUT, QueueState.READY, clock.instant())) {
            events.publishEvent(new PushFannedOut(queue.plan(), queue.channel()));
        }
        log.info("Fan-out of {} done: {} subscribers read, {} deliveries in {} blocks ({} ms{})", queueId,
                run.streamed, run.produced, run.blocks, (System.nanoTime() - started) / 1_000_000,
                run.resumed() ? ", resumed" : "");
    }

    private void stream(DispatchQueue queue, FanOutBatch.Run run) {
        ChannelKind channel = queue.channel();
        List<Recipient> accounts = channels.has(channel) ? channels.adapter(channel).broadcastAudience() : List.of();
        if (!accounts.isEmpty()) {
            if (run.streamed == 0) {
                batches.write(run, List.of(new FanOutBatch.Chunk(accounts, accounts.size())));
            }
            return;
        }
        // In a fallback plan a citizen belongs to the first channel in the order that reaches them.
        List<ChannelKind> before = queue.job().fallbackBefore();
        List<FanOutBatch.Chunk> round = new ArrayList<>(BLOCKS_PER_ROUND);
        subscribers.stream(queue.job().audience(), channel, run.streamed, properties.channel(channel).batchSize(),
                s -> before.stream().noneMatch(c -> s.reachableOn(c) && channels.has(c)), (recipients, soFar) -> {
                    round.add(new FanOutBatch.Chunk(recipients, soFar));
                    // the first block goes alone, so that sending starts as early as it can
                    if (round.size() == (run.blocks == 0 ? 1 : BLOCKS_PER_ROUND)) {
                        batches.write(run, List.copyOf(round));
                        round.clear();
                    }
                });
        if (!round.isEmpty()) {
            batches.write(run, round);
        }
    }

    /** A crash between writing blocks and saving progress: the blocks stand, progress moves past them. */
    private void adoptBlocksWrittenBeforeCrash(FanOutBatch.Run run) {
        long adopted = 0;
        for (Optional<Block> b; (b = blocks.find(Block.id(run.queue.id(), run.blocks))).isPresent(); run.blocks++) {
            run.streamed = b.get().streamedAfter();
            run.produced += b.get().recipients().size();
            adopted += b.get().recipients().size();
        }
        if (adopted > 0) {
            queues.saveProgress(run.queue.id(), run.streamed, run.blocks, run.produced, adopted);
        }
    }
}
