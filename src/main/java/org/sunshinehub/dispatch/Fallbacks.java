package org.sunshinehub.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunshinehub.audience.Recipient;
import org.sunshinehub.audience.Subscriber;
import org.sunshinehub.audience.SubscriberDirectory;
import org.sunshinehub.channelkind.ChannelKind;

/**
 * Cross-channel fallback. Each delivery of a fallback plan that has channels left after its own carries a check,
 * due {@code fallback-after} after it was made, or at once when it fails. When a check comes due: a delivered
 * message (or a sent one on a channel without receipts) ends it; one still being tried waits longer; one that
 * failed, was refused, was not delivered, was suppressed, or was sent but never confirmed moves the citizen to
 * the next channel in the order that reaches them and that they did not opt out of — a new delivery in that
 * channel's queue, sent as a one-delivery block through the retry path (after the channel's quiet hours). The
 * check is closed on its queue only after the new delivery is counted on the next one, so the plan cannot
 * complete in between.
 */
@Component
class Fallbacks {

    static final int SWEEP_LIMIT = 500;
    private static final Logger log = LoggerFactory.getLogger(Fallbacks.class);

    private final FallbackCheckStore checks;
    private final DeliveryStore deliveries;
    private final QueueStore queues;
    private final BlockStore blocks;
    private final RetryStore retries;
    private final QueueCompletion completion;
    private final SubscriberDirectory subscribers;
    private final Channels channels;
    private final DispatchProperties properties;
    private final Clock clock;

    Fallbacks(FallbackCheckStore checks, DeliveryStore deliveries, QueueStore queues, BlockStore blocks,
              RetryStore retries, QueueCompletion completion, SubscriberDirectory subscribers, Channels channels,
              DispatchProperties properties, Clock clock) {
        this.checks = checks;
        this.deliveries = deliveries;
        this.queues = queues;
        this.blocks = blocks;
        this.retries = retries;
        this.completion = completion;
        this.subscribers = subscribers;
        this.channels = channels;
        this.properties = properties;
        this.clock = clock;
    }

    /** One sweeper at a time in this instance; across instances, taking a check is the guard. */
    synchronized void sweep() {
        Instant now = clock.instant();
        List<FallbackCheckStore.Check> due = checks.due(now, SWEEP_LIMIT);
        Map<String, Delivery> byId = new HashMap<>();
        deliveries.byIds(due.stream().map(FallbackCheckStore.Check::deliveryId).toList()).forEach(d -> byId.put(d.id(), d));
        for (FallbackCheckStore.Check check : due) {
            Delivery d = byId.get(check.deliveryId());
            if (d == null) {
                close(check);
                continue;
            }
            switch (d.state()) {
                case DELIVERED, CANCELLED, DIGESTED -> close(check);
                case PENDING -> checks.reschedule(d.id(), now.plus(properties.fallbackAfter()));
                case SENT -> {
                    if (channels.has(d.channel()) && channels.adapter(d.channel()).reportsDelivery()) {
                        escalate(check, d, now);
                    } else {
                        close(check);
                    }
                }
                case FAILED, REFUSED, UNDELIVERED, SUPPRESSED -> escalate(check, d, now);
            }
        }
    }

    private void close(FallbackCheckStore.Check check) {
        if (checks.take(check.deliveryId())) {
            closed(check);
        }
    }

    private void closed(FallbackCheckStore.Check check) {
        queues.addFallbacksOpen(check.queue(), -1).ifPresent(completion::check);
    }

    private void escalate(FallbackCheckStore.Check check, Delivery d, Instant now) {
        if (!checks.take(d.id())) {
            return;
        }
        Optional<Subscriber> subscriber = subscribers.find(d.subscriber());
        Optional<ChannelKind> next = subscriber.flatMap(s -> d.fallbackAfter().stream()
                .filter(c -> channels.has(c) && s.reachableOn(c)).findFirst());
        Optional<DispatchQueue> queue = next.flatMap(c -> queues.find(d.plan() + ":" + c.code()));
        if (queue.isEmpty()) {
            log.info("Delivery {} did not reach its citizen and no further channel reaches them", d.id());
        } else {
            fallBack(d, subscriber.get(), queue.get(), now);
        }
        closed(check);
    }

    private void fallBack(Delivery d, Subscriber s, DispatchQueue queue, Instant now) {
        ChannelKind channel = queue.channel();
        List<ChannelKind> rest = d.fallbackAfter().subList(d.fallbackAfter().indexOf(channel) + 1,
                d.fallbackAfter().size());
        Delivery fresh = Delivery.pending(queue, s.id(), s.address(channel), rest, d.channel(), now);
        if (!deliveries.insertNew(List.of(fresh)).isEmpty()) {
            return; // the citizen already has this item on that channel
        }
        queues.count(queue.id(), null, DeliveryState.PENDING, 1, now);
        queues.move(queue.id(), QueueState.COMPLETED, QueueState.DRAINED, now);
        queues.countFellBack(queue.id());
        deliveries.markFellBack(d.id(), channel);
        Instant sendAt = queue.job().urgent() ? now
                : QuietHours.parse(properties.channel(channel).quietHours()).flatMap(q -> q.endIfInside(now)).orElse(now);
        Block block = Block.unnumbered(queue.id() + ":fallback:" + s.id(), queue, now.minus(FanOut.OPT_OUT_MARGIN),
                List.of(new Recipient(s.id(), s.address(channel))));
        blocks.insert(block);
        retries.schedule(block.id(), sendAt);
        if (!rest.isEmpty()) {
            queues.addFallbacksOpen(queue.id(), checks.insert(queue.id(), List.of(fresh.id()),
                    sendAt.plus(properties.fallbackAfter())));
        }
        log.info("Delivery {} falls back from {} to {}", d.id(), d.channel().code(), channel.code());
    }
}
