package org.sunshinehub.dispatch;

import org.sunshinehub.audience.AudienceSpec;
import java.util.List;
import org.sunshinehub.audience.ChannelKind;

/**
 * One plan's push on one channel, as the dispatcher needs it.
 *
 * @param purpose null for an item's push; else a second push of the same item (e.g. {@code reminder}) that
 *                reaches people the first one reached, rendered from {@code <kind>-<purpose>.ftl}
 */
public record PushJob(String planId, String itemId, ChannelKind channel, AudienceSpec audience, boolean urgent,
                      boolean broadcast, List<ChannelKind> fallbackOrder, String overCap, String replyCode,
                      String purpose) {

    /** Over-cap messages wait for the next morning. */
    public static final String DEFER = "defer";
    /** Over-cap messages are merged into one digest the next morning. */
    public static final String DIGEST = "digest";

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
        return purpose == null ? itemId : itemId + "~" + purpose;
    }

    String queueId() {
        return planId + ":" + channel.code();
    }
}
