package org.sunshinehub.dispatch;

import java.util.List;
import org.springframework.modulith.NamedInterface;
import org.sunshinehub.audience.AudienceSpec;
import org.sunshinehub.channelkind.ChannelKind;

/**
 * One plan's push on one channel, as the dispatcher needs it.
 *
 * @param purpose null for an item's push; else a second push of the same item (e.g. {@code reminder}) that
 *                reaches people the first one reached, rendered from {@code <kind>-<purpose>.ftl}
 * @param resend  citizens whose earlier delivery of the item on this channel failed get it again in this push
 */
@NamedInterface("api")
public record PushJob(String planId, String itemId, ChannelKind channel, AudienceSpec audience, boolean urgent,
                      boolean broadcast, List<ChannelKind> fallbackOrder, OverCap overCap, String replyCode,
                      String purpose, boolean resend) {

    public PushJob {
        fallbackOrder = List.copyOf(fallbackOrder);
    }

    /** The channels after this one in the plan's fallback order (empty without fallback). */
    List<ChannelKind> fallbackAfter() {
        int at = fallbackOrder.indexOf(channel);
        return at < 0 ? List.of() : fallbackOrder.subList(at + 1, fallbackOrder.size());
    }

    /** The channels before this one: a citizen reachable on one of them is that channel's. */
    List<ChannelKind> fallbackBefore() {
        int at = fallbackOrder.indexOf(channel);
        return at < 0 ? List.of() : fallbackOrder.subList(0, at);
    }

    /** What deliveries are keyed by: the item, or the item and the purpose. */
    String deliveryKey() {
        return deliveryKey(itemId, purpose);
    }

    static String deliveryKey(String itemId, String purpose) {
        return purpose == null ? itemId : itemId + "~" + purpose;
    }

    String queueId() {
        return planId + ":" + channel.code();
    }
}
