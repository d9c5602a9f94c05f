package org.sunshinehub.dispatch;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Up to {@value #SPAN} deliveries of one item × channel kept in one {@code deliveries} document, so a batch of
 * recipients costs a few document writes instead of one each (the embedded store's cost is per document and per
 * BSON value; see docs/architecture.md). Which page holds a delivery is computed from its id: subscriber ids are
 * ObjectIds, and those made one after another by one process share their 5 random bytes and differ in the 3-byte
 * counter, so neighbours in the audience — an import, the order the audience streams in — share a page. Within
 * the page a delivery is found by its full id, so the grouping never decides who has a delivery, only where it is.
 * Moves are guarded by {@link Delivery#moved}; the store writes a changed page under its {@code version}.
 */
final class DeliveryPage {

    /** Subscriber-id counters per page. Fixed for good: stored pages are found by ids computed with it. */
    static final int SPAN = 256;

    private final String id;
    private final long version;
    private final Map<String, Delivery> byId;
    private boolean changed;

    DeliveryPage(String id, long version, Collection<Delivery> deliveries) {
        this.id = id;
        this.version = version;
        this.byId = new LinkedHashMap<>();
        deliveries.forEach(d -> byId.put(d.id(), d));
    }

    static DeliveryPage empty(String id) {
        return new DeliveryPage(id, 0, java.util.List.of());
    }

    /**
     * {@code <deliveryKey>:<channel>:<range>}, from a delivery id {@code <deliveryKey>:<channel>:<subscriber>}
     * (a delivery key holds no colon; a subscriber id may, e.g. {@code weibo-account:<name>}).
     */
    static String idOf(String deliveryId) {
        int end = keyEnd(deliveryId);
        return deliveryId.substring(0, end + 1) + range(deliveryId.substring(end + 1));
    }

    /** {@code <deliveryKey>:<channel>}: what all deliveries of the page share. */
    String key() {
        return id.substring(0, keyEnd(id));
    }

    private static int keyEnd(String id) {
        return id.indexOf(':', id.indexOf(':') + 1);
    }

    /** The process bytes and the counter's high bits of an ObjectId; any other id has a page of its own. */
    static String range(String subscriber) {
        if (!isObjectId(subscriber)) {
            return "~" + subscriber;
        }
        int counter = Integer.parseInt(subscriber.substring(18), 16);
        return subscriber.substring(8, 18) + "-" + Integer.toHexString(counter / SPAN);
    }

    /** 24 lower-case hex digits; by hand, as every delivery id a batch moves is mapped to its page. */
    private static boolean isObjectId(String id) {
        if (id.length() != 24) {
            return false;
        }
        for (int i = 0; i < 24; i++) {
            char c = id.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    String id() {
        return id;
    }

    long version() {
        return version;
    }

    boolean stored() {
        return version > 0;
    }

    boolean changed() {
        return changed;
    }

    Collection<Delivery> deliveries() {
        return byId.values();
    }

    Optional<Delivery> find(String deliveryId) {
        return Optional.ofNullable(byId.get(deliveryId));
    }

    /** @return false if this recipient already has a delivery of this item on this channel */
    boolean add(Delivery delivery) {
        if (byId.putIfAbsent(delivery.id(), delivery) != null) {
            return false;
        }
        changed = true;
        return true;
    }

    /** Replaces the delivery with what {@code change} makes of it, if it is in {@code from}. */
    boolean update(String deliveryId, DeliveryState from, UnaryOperator<Delivery> change) {
        Delivery d = byId.get(deliveryId);
        return d != null && d.state() == from && replace(deliveryId, change);
    }

    /** Replaces the delivery, whatever its state, with what {@code change} makes of it (if that differs). */
    boolean replace(String deliveryId, UnaryOperator<Delivery> change) {
        Delivery d = byId.get(deliveryId);
        Delivery next = d == null ? null : change.apply(d);
        if (next == null || next.equals(d)) {
            return false;
        }
        byId.put(deliveryId, next);
        changed = true;
        return true;
    }
}
