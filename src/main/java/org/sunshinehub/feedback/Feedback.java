package org.sunshinehub.feedback;

import java.time.Instant;
import org.sunshinehub.audience.ChannelKind;

/**
 * @param sourceKey what makes a repeat of the same message recognisable (e.g. the SMS up-message's phone and
 *                  sequence id); it is the document id
 * @param itemId    the item it answers, or null when nothing links it
 */
public record Feedback(String sourceKey, String itemId, ChannelKind channel, String subscriberId, String address,
                       String text, Instant sentAt, Instant receivedAt) {
}
