package org.sunshinehub.dispatch;

import org.springframework.modulith.NamedInterface;

/** @param content the rendered template (for SMS: the JSON of the template parameters) */
@NamedInterface("spi")
public record OutboundMessage(String deliveryId, String subscriberId, String address, String content) {
}
