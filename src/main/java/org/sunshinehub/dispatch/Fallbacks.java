package org.sunshinehub.dispatch;

import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunshinehub.audience.ChannelKind;
import org.sunshinehub.audience.Subscriber;
import org.sunshinehub.audience.SubscriberDirectory;

/**
 * Cross-channel fallback. Each delivery of a fallback plan that has channels left after its own carries a check,
 * due {@code fallback-after} after it was made, or at once when it fails. When a check comes due: a delivered
 * message (or a sent one on a channel without receipts) ends it; one still being tried waits longer; one that
 * failed, was refused, was not delivered, was suppressed, or was sent but never confirmed moves the citizen to
 * the next channel in the order that reaches them and that they did not opt out of — a new delivery in that
 * channel's queue, sent as a one-delivery block through the retry path (after the channel's quiet hours).
 */
@Component
class Fallbacks {

    static final int SWEEP_LIMIT = 500;
    private static final Logger log = LoggerFactory.getLogger(Fallbacks.class);

    private final DispatchStore store;
    private final SubscriberDirectory subscribers;
    private final Channels channels;
    private final DispatchProperties properties;
    private final Clock clock;

    Fallbacks(DispatchStore store, SubscriberDirectory subscribers, Channels channels, DispatchProperties properties,
              Clock clock) {
        this.store = store;
        this.subscribers = subscribers;
        this.channels = channels;
        this.properties = properties;
        this.clock = clock;
    }

    /** One sweeper at a time in this instance; across instances, taking a check is the guard. */
    synchronized void sweep() {
        Instant now = clock.instant();
        List<String> due = store.dueFallbackChecks(now, SWEEP_LIMIT);
        Map<String, Document> deliveries = new HashMap<>();
        store.deliveriesById(due).forEach(d -> deliveries.put(d.getString("_id"), d));
        for (String id : due) {
            Document d = deliveries.get(id);
            if (d == null) {
                store.takeFallbackCheck(id);
                continue;
            }
            ChannelKind channel = ChannelKind.of(d.getString("channel"));
            switch (DeliveryState.valueOf(d.getString("state"))) {
                case DELIVERED, CANCELLED -> store.takeFallbackCheck(id);
                case PENDING -> store.rescheduleFallbackCheck(id, now.plus(properties.fallbackAfter()));
                case SENT -> {
                    if (channels.has(channel) && channels.adapter(channel).reportsDelivery()) {
                        escalate(d, channel, now);
                    } else {
                        store.takeFallbackCheck(id);
                    }
                }
                case FAILED, REFUSED, UNDELIVERED, SUPPRESSED -> escalate(d, channel, now);
            }
        }
    }

    private void escalate(Document d, ChannelKind from, Instant now) {
        if (!store.takeFallbackCheck(d.getString("_id"))) {
            return;
        }
        Optional<Subscriber> subscriber = subscribers.find(d.getString("subscriber"));
        List<ChannelKind> after = FanOut.codes(d, "fallbackAfter");
        Optional<ChannelKind> next = subscriber.flatMap(s -> after.stream()
                .filter(c -> channels.has(c) && s.reachableOn(c)).findFirst());
        if (next.isEmpty()) {
            log.info("Delivery {} did not reach its citizen and no further channel reaches them", d.getString("_id"));
            return;
        }
        Subscriber s = subscriber.get();
        ChannelKind channel = next.get();
        Optional<Document> queue = store.queue(d.getString("plan") + ":" + channel.code());
        if (queue.isEmpty()) {
            return;
        }
        String queueId = queue.get().getString("_id");
        String deliveryKey = queue.get().getString("deliveryKey");
        List<String> rest = after.subList(after.indexOf(channel) + 1, after.size()).stream().map(ChannelKind::code).toList();
        String newId = DispatchStore.deliveryId(deliveryKey, channel.code(), s.id());
        Document fresh = new Document("_id", newId).append("plan", d.getString("plan")).append("queue", queueId)
                .append("item", d.getString("item")).append("channel", channel.code()).append("subscriber", s.id())
                .append("address", s.address(channel)).append("state", DeliveryState.PENDING.name())
                .append("fallbackAfter", rest).append("fallbackFrom", from.code()).append("createdAt", Date.from(now));
        if (!store.insertDeliveries(List.of(fresh)).isEmpty()) {
            return; // the citizen already has this item on that channel
        }
        store.setDelivery(d.getString("_id"), Updates.set("fellBackTo", channel.code()));
        Instant sendAt = queue.get().getBoolean("urgent", false) ? now
                : QuietHours.parse(properties.channel(channel).quietHours()).flatMap(q -> q.endIfInside(now)).orElse(now);
        store.insertRetryBlock(queueId + ":fallback:" + s.id(), queue.get(), Date.from(now.minus(FanOut.OPT_OUT_MARGIN)), List.of(s.id()), List.of(s.address(channel)), sendAt);
        if (!rest.isEmpty()) {
            store.insertFallbackChecks(List.of(newId), sendAt.plus(properties.fallbackAfter()));
        }
        log.info("Delivery {} falls back from {} to {}", d.getString("_id"), from.code(), channel.code());
    }
}
