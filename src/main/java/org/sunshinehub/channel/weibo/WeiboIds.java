package org.sunshinehub.channel.weibo;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Weibo's ids (posts, comments, users) beyond 2^53, read as written — a string, or an integral JSON number read
 * exactly — and never through a double.
 */
final class WeiboIds {

    private WeiboIds() {
    }

    /** The first of {@code fields} that holds an id, or null. */
    static String of(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && (value.isTextual() || value.isIntegralNumber()) && value.asText().matches("\\d{1,20}")) {
                return value.asText();
            }
        }
        return null;
    }
}
