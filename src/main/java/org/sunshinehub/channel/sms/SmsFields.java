package org.sunshinehub.channel.sms;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.sunshinehub.SunshineHubApplication;

/**
 * Reads the field variants Aliyun has used: numbers or strings ({@code sequence_id}), booleans or strings
 * ({@code success}), and both time formats ({@code 2017-09-01 00:00:00} and {@code 20170901000000}, Beijing time).
 */
final class SmsFields {

    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private SmsFields() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    static boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && (value.isBoolean() ? value.booleanValue() : "true".equalsIgnoreCase(value.asText()));
    }

    static Instant time(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        for (DateTimeFormatter format : new DateTimeFormatter[] {SPACED, COMPACT}) {
            try {
                return LocalDateTime.parse(text, format).atZone(SunshineHubApplication.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                // try the other format
            }
        }
        return null;
    }
}
