package org.sunshinehub.dispatch;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.sunshinehub.audience.AudienceSpec;
import org.sunshinehub.audience.Recipient;
import org.sunshinehub.audience.SubscriberDirectory;
import org.sunshinehub.channelkind.ChannelKind;

/**
 * Counts how much of an audience already has an item on a channel: streams the audience and reads the computable
 * delivery ids {@value DeliveryStore#ID_CHUNK} at a time. Asked when an item is planned again, so its cost (about
 * one indexed read per hundred subscribers) falls on second plans only.
 */
@Component
class Overlaps {

    private final SubscriberDirectory subscribers;
    private final DeliveryStore deliveries;
    private final Channels channels;

    Overlaps(SubscriberDirectory subscribers, DeliveryStore deliveries, Channels channels) {
        this.subscribers = subscribers;
        this.deliveries = deliveries;
        this.channels = channels;
    }

    /** For a broadcast channel (Weibo) the audience is the accounts it posts from. */
    Overlap of(String deliveryKey, ChannelKind channel, AudienceSpec audience) {
        AtomicLong reachable = new AtomicLong();
        AtomicLong received = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        SubscriberDirectory.BatchConsumer count = (List<Recipient> batch, long soFar) -> {
            reachable.addAndGet(batch.size());
            for (Delivery d : deliveries.byIds(batch.stream()
                    .map(r -> Delivery.id(deliveryKey, channel, r.subscriberId())).toList())) {
                (DeliveryState.resendable().contains(d.state()) ? failed : received).incrementAndGet();
            }
        };
        List<Recipient> accounts = channels.has(channel) ? channels.adapter(channel).broadcastAudience() : List.of();
        if (accounts.isEmpty()) {
            subscribers.stream(audience, channel, 0, DeliveryStore.ID_CHUNK, count);
        } else {
            count.accept(accounts, accounts.size());
        }
        return new Overlap(reachable.get(), received.get(), failed.get());
    }
}
