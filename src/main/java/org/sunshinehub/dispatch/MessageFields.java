package org.sunshinehub.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * A message made of named values (WeChat template data, an app notification's title and alert, an SMS
 * template's parameters): each filled by its own {@code <@field>} of the template and carried in
 * {@link OutboundMessage#content()} as a JSON object of strings, so a value can hold any text and stays one value.
 */
@NamedInterface({"api", "spi"})
public final class MessageFields {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private MessageFields() {
    }

    /** The values in template order; an empty map for content that is plain text. */
    public static Map<String, String> parse(String content) {
        if (content == null || !content.startsWith("{")) {
            return Map.of();
        }
        try {
            return JSON.readValue(content, MAP);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    static String content(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
