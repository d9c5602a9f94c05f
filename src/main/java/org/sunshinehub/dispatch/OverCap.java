package org.sunshinehub.dispatch;

import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/** What becomes of a message over a citizen's daily cap. */
@NamedInterface("api")
public enum OverCap {
    /** It waits for the next morning. */
    DEFER,
    /** It is merged with the day's others into one digest the next morning. */
    DIGEST;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but {@code defer} or {@code digest} */
    public static OverCap of(String code) {
        for (OverCap o : values()) {
            if (o.code().equals(code)) {
                return o;
            }
        }
        throw new IllegalArgumentException(code);
    }
}
