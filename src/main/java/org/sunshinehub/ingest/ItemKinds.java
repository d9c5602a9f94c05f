package org.sunshinehub.ingest;

import java.util.Locale;
import org.sunshinehub.content.ItemKind;

/** A kind as a route writes it: {@code disclosure}, {@code opinion-task}, {@code OPINION_TASK}... */
final class ItemKinds {

    private ItemKinds() {
    }

    /** @throws IllegalArgumentException naming the kinds there are */
    static ItemKind parse(String text) {
        try {
            return ItemKind.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("未知类型「" + text + "」，可选 disclosure、consultation、interpretation、"
                    + "opinion-task");
        }
    }
}
