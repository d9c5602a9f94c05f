package org.sunshinehub.dispatch;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Finds a citizen's deliveries without scanning them: a delivery's id is computable from the delivery key, the
 * channel and the subscriber, and the queues (one small document per plan and channel) name every key and
 * channel there is. So a trace reads one queue list and then deliveries by {@code _id}, in chunks.
 */
@Component
class DeliveryTrace {

    private final QueueStore queues;
    private final DeliveryStore deliveries;

    DeliveryTrace(QueueStore queues, DeliveryStore deliveries) {
        this.queues = queues;
        this.deliveries = deliveries;
    }

    /** @param itemId null for every item */
    List<Delivery> of(String subscriberId, String itemId) {
        List<String> ids = queues.ofItem(itemId).stream()
                .map(q -> Delivery.id(q.job().deliveryKey(), q.channel(), subscriberId)).distinct().toList();
        return deliveries.byIds(ids).stream().sorted(Comparator.comparing(Delivery::createdAt).reversed()).toList();
    }
}
