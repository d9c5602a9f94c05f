package org.sunshinehub.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the durable store's unique indexes. H2 stores mongo-java-server's index keys ({@link KeyValue},
 * not {@link Comparable}) as Java-serialised objects and orders them by their serialised bytes, serialising both
 * keys again on every comparison: a lookup in an index of n keys serialised ~2·log₂ n objects, most of the store's
 * CPU under load. This type keeps exactly that order and those bytes on disk (so existing files read the same) and
 * serialises each key object once, remembering its bytes by identity in a small direct-mapped table.
 */
final class IndexKeyType extends ObjectDataType {

    private static final int SLOTS = 1 << 15;

    /** One key object and its bytes; replaced whole, so a reader never sees half of one. */
    private record Serialised(Object key, byte[] bytes) {
    }

    private final Serialised[] table = new Serialised[SLOTS];

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue && b instanceof KeyValue) {
            return a == b ? 0 : compareNotNull(bytes(a), bytes(b));
        }
        return super.compare(a, b);
    }

    private byte[] bytes(Object key) {
        int slot = System.identityHashCode(key) & (SLOTS - 1);
        Serialised known = table[slot];
        if (known != null && known.key() == key) {
            return known.bytes();
        }
        byte[] bytes = serialize(key);
        table[slot] = new Serialised(key, bytes);
        return bytes;
    }
}
