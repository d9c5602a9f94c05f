package org.sunshinehub.dispatch;

import org.sunshinehub.audience.AudienceSpec;
import org.sunshinehub.audience.ChannelKind;

/**
 * One plan's push on one channel, as the dispatcher needs it.
 *
 * @param purpose null for an item's push; else a second push of the same item (e.g. {@code reminder}) that
 *                reaches people the first one reached, rendered from {@code <kind>-<purpose>.ftl}
 */
public record PushJob(String planId, String itemId, ChannelKind channel, AudienceSpec audience, boolean urgent,
                      boolean broadcast, String replyCode, String purpose) {

    /** What deliveries are keyed by: the item, or the item and the purpose. */
    String deliveryKey() {
        return purpose == null ? itemId : itemId + "~" + purpose;
    }

    String queueId() {
        return planId + ":" + channel.code();
    }
}
