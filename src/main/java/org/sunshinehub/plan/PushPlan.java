package org.sunshinehub.plan;

import java.time.Instant;
import java.util.List;
import org.sunshinehub.audience.AudienceSpec;
import org.sunshinehub.audience.ChannelKind;

/**
 * @param replyCode a short number that replies to this plan's messages carry (SMS extension code, WeChat
 *                  "#code"), so a reply is linked to the item it answers
 * @param purpose   null, or what a second push of the item is for (see {@code PushJob})
 * @param fallback  {@code channels} is an order of preference: one delivery per citizen, on the first channel
 *                  that works for them
 */
record PushPlan(String id, String itemId, List<ChannelKind> channels, AudienceSpec audience, Instant sendAt,
                boolean urgent, boolean broadcast, boolean fallback, String overCap, State state, String replyCode, String purpose, Instant createdAt, Instant firedAt,
                long version) {

    enum State { SCHEDULED, SENDING, CANCELLED }

    PushPlan {
        channels = List.copyOf(channels);
    }

    PushPlan moved(State newState, Instant firedAt) {
        return new PushPlan(id, itemId, channels, audience, sendAt, urgent, broadcast, fallback, overCap, newState, replyCode, purpose, createdAt,
                firedAt, version + 1);
    }
}
