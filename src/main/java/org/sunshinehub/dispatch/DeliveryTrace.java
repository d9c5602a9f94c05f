package org.sunshinehub.dispatch;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.sunshinehub.audience.SubscriberDirectory;
import org.sunshinehub.channelkind.ChannelKind;

/**
 * Finds a citizen's deliveries without scanning them: a delivery's id is computable from the delivery key, the
 * channel and the subscriber, and the queues (one small document per plan and channel) name every key and
 * channel there is. So a trace reads one queue list and then deliveries by {@code _id}, in chunks.
 */
@Component
class DeliveryTrace {

    private final QueueStore queues;
    private final DeliveryStore deliveries;
    private final SubscriberDirectory subscribers;

    DeliveryTrace(QueueStore queues, DeliveryStore deliveries, SubscriberDirectory subscribers) {
        this.queues = queues;
        this.deliveries = deliveries;
        this.subscribers = subscribers;
    }

    /** The deliveries to whichever subscriber has this address on some channel (none when nobody has it). */
    List<Delivery> ofAddress(String address) {
        return Arrays.stream(ChannelKind.values()).map(c -> subscribers.findByAddress(c, address)).flatMap(Optional::stream)
                .findFirst().map(s -> of(s.id(), null)).orElse(List.of());
    }

    /** @param itemId null for every item */
    List<Delivery> of(String subscriberId, String itemId) {
        List<String> ids = queues.ofItem(itemId).stream()
                .map(q -> Delivery.id(q.job().deliveryKey(), q.channel(), subscriberId)).distinct().toList();
        return deliveries.byIds(ids).stream().sorted(Comparator.comparing(Delivery::createdAt).reversed()).toList();
    }
}
