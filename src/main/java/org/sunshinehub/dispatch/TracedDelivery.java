package org.sunshinehub.dispatch;

import java.time.Instant;
import org.sunshinehub.audience.PhoneNumbers;
import org.sunshinehub.channelkind.ChannelKind;

/**
 * One delivery as a trace shows it: the address masked (a full phone number or openid never leaves the hub here;
 * who may see it unmasked comes with staff roles).
 */
record TracedDelivery(String itemId, String planId, ChannelKind channel, String address, DeliveryState state,
                      int attempts, String providerId, String reason, String receiptCode, ChannelKind fallbackFrom,
                      Instant createdAt, Instant updatedAt, Instant receiptAt) {

    static TracedDelivery of(Delivery d) {
        return new TracedDelivery(d.item(), d.plan(), d.channel(), mask(d.channel(), d.address()), d.state(),
                d.attempts(), d.providerId(), d.reason(), d.receiptCode(), d.fallbackFrom(), d.createdAt(),
                d.updatedAt(), d.receiptAt());
    }

    static String mask(ChannelKind channel, String address) {
        if (channel == ChannelKind.SMS) {
            return PhoneNumbers.mask(address);
        }
        return address == null || address.length() < 8 ? "***"
                : address.substring(0, 4) + "****" + address.substring(address.length() - 2);
    }
}
