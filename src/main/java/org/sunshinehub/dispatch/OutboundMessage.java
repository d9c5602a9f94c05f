package org.sunshinehub.dispatch;

/** @param content the rendered template (for SMS: the JSON of the template parameters) */
public record OutboundMessage(String deliveryId, String subscriberId, String address, String content) {
}
