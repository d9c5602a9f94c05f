package org.sunshinehub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sunshinehub.content.ItemFields;
import org.sunshinehub.content.ItemKind;

/**
 * The opinion-monitor webhook's alert: {@code {"alertId", "topic", "level", "summary", "url", "detectedAt",
 * "platform"}}. It is renamed onto the item fields and then parsed like any other intake, so its errors name
 * the alert's own field names.
 */
final class OpinionAlert {

    static final String SOURCE = "opinion-monitor";
    /** Marks alert fields with no item counterpart, so the parser reports them as unknown. */
    private static final String UNKNOWN = "alert.";
    private static final Map<String, String> RENAMES = Map.of(
            "alertId", "sourceId", "topic", "title", "level", "severity", "detectedAt", "publishedAt",
            "summary", "summary", "url", "url", "platform", "issuer");

    private OpinionAlert() {
    }

    static ItemFields toFields(JsonNode alert) {
        if (alert == null || !alert.isObject()) {
            throw new InvalidItemException(Map.of("$", "须为 JSON 对象"));
        }
        ObjectNode item = JsonNodeFactory.instance.objectNode().put("source", SOURCE);
        alert.fields().forEachRemaining(e -> item.set(RENAMES.getOrDefault(e.getKey(), UNKNOWN + e.getKey()), e.getValue()));
        try {
            return ItemDraftParser.parse(ItemKind.OPINION_TASK, item, Set.of());
        } catch (InvalidItemException e) {
            throw new InvalidItemException(renameBack(e.fieldErrors()));
        }
    }

    private static Map<String, String> renameBack(Map<String, String> errors) {
        Map<String, String> named = new TreeMap<>();
        errors.forEach((field, reason) -> named.put(alertName(field), reason));
        return named;
    }

    private static String alertName(String field) {
        if (field.startsWith(UNKNOWN)) {
            return field.substring(UNKNOWN.length());
        }
        return RENAMES.entrySet().stream().filter(r -> r.getValue().equals(field))
                .map(Map.Entry::getKey).findFirst().orElse(field);
    }
}
