package org.sunshinehub.logging;

import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * {@code logging.structured.json.customizer} for the JSON log lines: every string value (message, stack trace,
 * MDC, logger) masked as the pattern's {@code %m} is (JSON escapes control characters itself), and the timestamp
 * in Beijing time with its offset.
 */
public class MaskedJson implements StructuredLoggingJsonMembersCustomizer<Object> {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(MaskedJson::process));
    }

    private static Object process(Object value) {
        if (value instanceof CharSequence text) {
            return LogMasks.mask(text.toString());
        }
        if (value instanceof Instant at) {
            return at.atZone(BEIJING).toOffsetDateTime().toString();
        }
        return value;
    }
}
