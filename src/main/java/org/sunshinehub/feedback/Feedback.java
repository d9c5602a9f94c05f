package org.sunshinehub.feedback;

import java.time.Instant;

/**
 * @param channel   where it came from: a push channel's code ({@code sms}, {@code wechat} …) or {@code web}
 * @param sourceKey what makes a repeat of the same message recognisable (e.g. the SMS up-message's phone and
 *                  sequence id); it is the document id
 * @param itemId    the item it answers, or null when nothing links it
 */
public record Feedback(String sourceKey, String itemId, String channel, String subscriberId, String address,
                       String text, Instant sentAt, Instant receivedAt) {
}
