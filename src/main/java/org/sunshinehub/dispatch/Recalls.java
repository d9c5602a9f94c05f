package org.sunshinehub.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunshinehub.audience.AudienceSpec;
import org.sunshinehub.audience.Recipient;
import org.sunshinehub.audience.SubscriberDirectory;
import org.sunshinehub.channelkind.ChannelKind;

/**
 * Takes back what an item's pushes sent (撤回), once their plans are cancelled: waits for blocks a worker is
 * handing to a provider, asks each channel to withdraw each message it sent (one provider id at a time, the answer
 * kept in {@link RecallStore}), and queues the correction (更正) for those a message reached that cannot be taken
 * back. The correction is a push of its own through the engine, urgent, with its own deliveries keyed by the item
 * and {@value #PURPOSE}: each recipient gets it once however often the recall is asked, and opt-outs are honoured.
 */
@Component
class Recalls {

    static final String PURPOSE = "correction";
    /** How long a recall waits for blocks in a provider's hands; a repeated recall takes in what came after. */
    static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(Recalls.class);
    private static final List<DeliveryState> REACHED = List.of(DeliveryState.SENT, DeliveryState.DELIVERED);

    private final QueueStore queues;
    private final BlockStore blocks;
    private final DeliveryStore deliveries;
    private final RecallStore recalls;
    private final FanOutBatch batches;
    private final Channels channels;
    private final SubscriberDirectory subscribers;
    private final DispatchProperties properties;
    private final Clock clock;

    Recalls(QueueStore queues, BlockStore blocks, DeliveryStore deliveries, RecallStore recalls, FanOutBatch batches,
            Channels channels, SubscriberDirectory subscribers, DispatchProperties properties, Clock clock) {
        this.queues = queues;
        this.blocks = blocks;
        this.deliveries = deliveries;
        this.recalls = recalls;
        this.batches = batches;
        this.channels = channels;
        this.subscribers = subscribers;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param correct whether to send the correction the item's recall carries */
    List<Dispatcher.ChannelRecall> recall(String itemId, boolean correct) {
        List<DispatchQueue> pushes = queues.ofItem(itemId).stream().filter(q -> !PURPOSE.equals(q.job().purpose()))
                .toList();
        boolean settled = awaitBlocksInFlight(pushes);
        Map<ChannelKind, List<Delivery>> reached = new LinkedHashMap<>();
        for (DispatchQueue queue : pushes) {
            List<Delivery> ofChannel = reached.computeIfAbsent(queue.channel(), c -> new ArrayList<>());
            REACHED.forEach(state -> deliveries.eachInState(queue, state, ofChannel::add));
        }
        List<Dispatcher.ChannelRecall> report = new ArrayList<>();
        reached.forEach((channel, sent) -> report.add(recall(itemId, channel, sent, correct, settled)));
        return report;
    }

    private Dispatcher.ChannelRecall recall(String itemId, ChannelKind channel, List<Delivery> sent, boolean correct,
                                            boolean settled) {
        Map<String, RecallOutcome> outcomes = new HashMap<>();
        for (Delivery d : sent) {
            if (d.providerId() != null) {
                outcomes.computeIfAbsent(d.providerId(), id -> withdraw(itemId, channel, id, d.address()));
            }
        }
        List<Recipient> toCorrect = sent.stream()
                .filter(d -> d.providerId() != null && outcomes.get(d.providerId()).kind() == RecallOutcome.Kind.NOT_RECALLABLE)
                .map(d -> new Recipient(d.subscriber(), d.address())).toList();
        boolean corrects = correct && channels.has(channel) && channels.adapter(channel).broadcastAudience().isEmpty();
        long corrected = corrects ? queueCorrection(itemId, channel, toCorrect, earliest(sent)) : 0;
        List<String> failures = outcomes.values().stream().filter(o -> o.kind() == RecallOutcome.Kind.FAILED)
                .map(RecallOutcome::reason).distinct().toList();
        log.info("Recall of item {} on {}: {} messages withdrawn, {} cannot be, {} failed; correction queued for {}",
                itemId, channel.code(), count(outcomes, RecallOutcome.Kind.WITHDRAWN),
                count(outcomes, RecallOutcome.Kind.NOT_RECALLABLE), count(outcomes, RecallOutcome.Kind.FAILED), corrected);
        return new Dispatcher.ChannelRecall(channel, count(outcomes, RecallOutcome.Kind.WITHDRAWN),
                count(outcomes, RecallOutcome.Kind.NOT_RECALLABLE), count(outcomes, RecallOutcome.Kind.FAILED),
                corrected, failures, settled);
    }

    private RecallOutcome withdraw(String itemId, ChannelKind channel, String providerId, String address) {
        Optional<RecallOutcome> known = recalls.settled(channel, providerId);
        if (known.isPresent()) {
            return known.get();
        }
        RecallOutcome outcome;
        if (!channels.has(channel)) {
            outcome = RecallOutcome.failed("渠道 " + channel.code() + " 尚未配置");
        } else {
            try {
                outcome = channels.adapter(channel).recall(providerId, address, channels.throttle(channel));
            } catch (RuntimeException e) {
                outcome = RecallOutcome.failed(e.getClass().getSimpleName());
            }
        }
        recalls.save(itemId, channel, providerId, outcome, clock.instant());
        return outcome;
    }

    /**
     * Writes the correction's deliveries and blocks as a fan-out would, from the reached recipients in a stable
     * order; a correction already written is not written again.
     *
     * @return how many were queued by this call
     */
    private long queueCorrection(String itemId, ChannelKind channel, List<Recipient> reached, Instant since) {
        Set<String> optedOut = subscribers.optedOutSince(channel, since.minus(FanOut.OPT_OUT_MARGIN));
        List<Recipient> recipients = reached.stream().filter(r -> !optedOut.contains(r.subscriberId())).distinct()
                .sorted(Comparator.comparing(Recipient::subscriberId)).toList();
        if (recipients.isEmpty()) {
            return 0;
        }
        PushJob job = new PushJob("recall-" + itemId, itemId, channel, new AudienceSpec(List.of(), false), true, false,
                List.of(), OverCap.DEFER, null, PURPOSE, false);
        Instant now = clock.instant();
        queues.create(DispatchQueue.start(job, now));
        String run = "recall:" + UUID.randomUUID();
        Optional<DispatchQueue> taken = queues.takeFanOut(job.queueId(), "recall", run, now, now.plus(properties.lease()));
        if (taken.isEmpty()) {
            return 0;
        }
        FanOutBatch.Run written = new FanOutBatch.Run(taken.get(), run, taken.get().progress());
        int size = properties.channel(channel).batchSize();
        long before = written.produced;
        for (int from = (int) written.streamed; from < recipients.size(); from += size) {
            int to = Math.min(from + size, recipients.size());
            batches.write(written, List.of(new FanOutBatch.Chunk(recipients.subList(from, to), to)));
        }
        queues.move(job.queueId(), QueueState.FANNING_OUT, QueueState.READY, clock.instant());
        return written.produced - before;
    }

    /** @return false when a block was still in a provider's hands after {@link #IN_FLIGHT_WAIT} */
    private boolean awaitBlocksInFlight(List<DispatchQueue> pushes) {
        long until = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
        while (pushes.stream().anyMatch(q -> blocks.anyInFlight(q.id()))) {
            if (System.nanoTime() - until > 0) {
                return false;
            }
            try {
                Thread.sleep(properties.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static Instant earliest(List<Delivery> sent) {
        return sent.stream().map(Delivery::createdAt).min(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    private static long count(Map<String, RecallOutcome> outcomes, RecallOutcome.Kind kind) {
        return outcomes.values().stream().filter(o -> o.kind() == kind).count();
    }
}
