package org.sunshinehub.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.sunshinehub.channelkind.ChannelKind;

/**
 * A column of per-recipient values packed into one stored string: the embedded store's cost is per BSON value,
 * so a block's manifest or a delivery page's columns cost one value each however many recipients they hold.
 */
final class PackedColumns {

    private static final char SEPARATOR = '\u001F';

    private PackedColumns() {
    }

    /**
     * Each value after a unit separator (a control character no subscriber id or address contains), so an empty
     * list and a list of one empty value stay apart.
     */
    static String pack(List<String> values) {
        for (String v : values) {
            if (v.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("a manifest value contains U+001F");
            }
        }
        StringBuilder packed = new StringBuilder();
        values.forEach(v -> packed.append(SEPARATOR).append(v));
        return packed.toString();
    }

    static List<String> unpack(Object stored) {
        if (stored instanceof List<?> list) {
            return list.stream().map(String.class::cast).toList();
        }
        String packed = (String) stored;
        return packed.isEmpty() ? List.of() : List.of(packed.substring(1).split(String.valueOf(SEPARATOR), -1));
    }

    /**
     * One value per element; free text loses any separator character it carries, null becomes empty. One pass:
     * a page writes eleven columns of up to 256 values each time it changes.
     */
    static <T> String column(List<T> all, Function<T, String> value) {
        StringBuilder packed = new StringBuilder(all.size() * 8);
        for (T element : all) {
            String v = value.apply(element);
            packed.append(SEPARATOR);
            if (v != null) {
                packed.append(v.replace(SEPARATOR, ' '));
            }
        }
        return packed.toString();
    }

    static String code(ChannelKind channel) {
        return channel == null ? "" : channel.code();
    }

    static ChannelKind channel(String code) {
        return code.isEmpty() ? null : ChannelKind.of(code);
    }

    static String text(String stored) {
        return stored.isEmpty() ? null : stored;
    }

    static String time(Instant at) {
        return at == null ? "" : Long.toString(at.toEpochMilli(), 36);
    }

    static Instant instant(String stored) {
        return stored.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(stored, 36));
    }
}
