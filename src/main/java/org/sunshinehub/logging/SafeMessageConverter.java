package org.sunshinehub.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.sunshinehub.text.PlainText;

/**
 * {@code %m}, {@code %msg}, {@code %message} for every logger: secrets, phone numbers and openids masked, control
 * characters escaped, so one event is one line and a value cannot forge another.
 */
public class SafeMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PlainText.escaped(LogMasks.mask(event.getFormattedMessage()));
    }
}
