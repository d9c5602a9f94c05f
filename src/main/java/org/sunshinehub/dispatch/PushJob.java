package org.sunshinehub.dispatch;

import org.sunshinehub.audience.AudienceSpec;
import org.sunshinehub.audience.ChannelKind;

/** One plan's push on one channel, as the dispatcher needs it. */
public record PushJob(String planId, String itemId, ChannelKind channel, AudienceSpec audience, boolean urgent,
                      String replyCode) {

    String queueId() {
        return planId + ":" + channel.code();
    }
}
