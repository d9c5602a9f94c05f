package org.sunshinehub.dispatch;

import java.time.Instant;
import java.util.List;
import org.sunshinehub.channelkind.ChannelKind;

/**
 * A {@code deliveries} document: one recipient × one channel × one item (or purpose). Its id
 * {@code <deliveryKey>:<channel>:<subscriber>} is computable and unique, so no fan-out, repeated or resumed,
 * creates a second delivery for anyone.
 *
 * @param fallbackAfter the channels still to try if this one does not reach the citizen
 * @param fallbackFrom  the channel this delivery stands in for, if it is a fallback
 */
record Delivery(String id, String plan, String queue, String item, ChannelKind channel, String subscriber,
                String address, DeliveryState state, List<ChannelKind> fallbackAfter, ChannelKind fallbackFrom,
                ChannelKind fellBackTo, int attempts, String providerId, String reason, String receiptCode,
                Instant createdAt, Instant updatedAt, Instant receiptAt) {

    Delivery {
        fallbackAfter = List.copyOf(fallbackAfter);
    }

    static String id(String deliveryKey, ChannelKind channel, String subscriberId) {
        return deliveryKey + ":" + channel.code() + ":" + subscriberId;
    }

    static Delivery pending(DispatchQueue queue, String subscriber, String address, List<ChannelKind> fallbackAfter,
                            ChannelKind fallbackFrom, Instant now) {
        return new Delivery(id(queue.job().deliveryKey(), queue.channel(), subscriber), queue.plan(), queue.id(),
                queue.job().itemId(), queue.channel(), subscriber, address, DeliveryState.PENDING, fallbackAfter,
                fallbackFrom, null, 0, null, null, null, now, now, null);
    }

    /** This delivery after a guarded move: {@code change}'s non-null fields replace the stored ones. */
    Delivery moved(DeliveryState to, Change change, Instant at) {
        state.checkMoveTo(to);
        String code = change.receiptCode() != null ? change.receiptCode() : receiptCode;
        return new Delivery(id, plan, queue, item, channel, subscriber, address, to, fallbackAfter, fallbackFrom,
                fellBackTo, change.attempts() != null ? change.attempts() : attempts,
                change.providerId() != null ? change.providerId() : providerId,
                change.reason() != null ? change.reason() : reason, code, createdAt, at,
                change.receiptCode() != null ? at : receiptAt);
    }

    /**
     * The provider's id and attempt of a send whose receipt overtook it (so the delivery is already past SENT):
     * a recall needs the id to withdraw or correct the message.
     */
    Delivery overtakenBy(Change send) {
        if (providerId != null || send.providerId() == null || state == DeliveryState.PENDING) {
            return this;
        }
        return new Delivery(id, plan, queue, item, channel, subscriber, address, state, fallbackAfter, fallbackFrom,
                fellBackTo, send.attempts() != null ? send.attempts() : attempts, send.providerId(), reason,
                receiptCode, createdAt, updatedAt, receiptAt);
    }

    /** Back to PENDING for a resend, now belonging to {@code into} and its plan. */
    Delivery requeued(DispatchQueue into, Instant at) {
        state.checkMoveTo(DeliveryState.PENDING);
        return new Delivery(id, into.plan(), into.id(), item, channel, subscriber, address, DeliveryState.PENDING,
                fallbackAfter, fallbackFrom, fellBackTo, attempts, providerId, null, receiptCode, createdAt, at,
                receiptAt);
    }

    Delivery fellBack(ChannelKind to) {
        return new Delivery(id, plan, queue, item, channel, subscriber, address, state, fallbackAfter, fallbackFrom, to,
                attempts, providerId, reason, receiptCode, createdAt, updatedAt, receiptAt);
    }

    /** What a move writes beside the state; null fields stay as they are. */
    record Change(String deliveryId, Integer attempts, String providerId, String reason, String receiptCode) {

        static Change of(String deliveryId) {
            return new Change(deliveryId, null, null, null, null);
        }

        static Change reason(String deliveryId, String reason) {
            return new Change(deliveryId, null, null, reason, null);
        }
    }
}
