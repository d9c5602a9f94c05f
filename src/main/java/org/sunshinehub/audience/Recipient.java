package org.sunshinehub.audience;

/** One subscriber's address on one channel, as the fan-out hands it on. */
public record Recipient(String subscriberId, String address) {
}
