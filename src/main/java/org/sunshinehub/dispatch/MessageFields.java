package org.sunshinehub.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * A template rendered as one {@code key: value} per line (WeChat template data, an app notification's title and
 * alert …); lines that are not such a pair are ignored, so templates may carry blank lines.
 */
@NamedInterface("spi")
public final class MessageFields {

    private MessageFields() {
    }

    /** The pairs in template order. */
    public static Map<String, String> parse(String rendered) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : rendered.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().matches("[A-Za-z0-9_.]+")) {
                values.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return values;
    }
}
