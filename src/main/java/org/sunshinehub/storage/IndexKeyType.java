package org.sunshinehub.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the durable store's unique indexes. H2 stores mongo-java-server's index keys ({@link KeyValue},
 * not {@link Comparable}) as Java-serialised objects and orders them by their serialised bytes, serialising both
 * keys again on every comparison: a lookup in an index of n keys serialised ~2·log₂ n objects, most of the store's
 * CPU under load. This type keeps exactly that order and those bytes on disk (so existing files read the same) and
 * serialises each key object once, remembering its bytes by identity in a small direct-mapped table: a key read
 * from a page is remembered with the bytes it was read from, so writing that page again (every commit that
 * changes it) serialises none of its keys.
 */
final class IndexKeyType extends ObjectDataType {

    private static final int SLOTS = 1 << 15;
    /** H2's tag for a Java-serialised object, followed by the length and the bytes. */
    private static final byte SERIALISED = 19;

    /** One key object and its bytes; replaced whole, so a reader never sees half of one. */
    private record Serialised(Object key, byte[] bytes) {
    }

    private final Serialised[] table = new Serialised[SLOTS];
    /** Running average of a key's heap size, as H2 keeps it for the serialised objects it writes itself. */
    private volatile int averageMemory = 100;

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue && b instanceof KeyValue) {
            return a == b ? 0 : compareNotNull(bytes(a), bytes(b));
        }
        return super.compare(a, b);
    }

    @Override
    public int getMemory(Object key) {
        return key instanceof KeyValue ? averageMemory : super.getMemory(key);
    }

    /** The bytes H2's own type writes for a serialised object, from the table when the key is in it. */
    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (!(key instanceof KeyValue)) {
            super.write(buffer, key);
            return;
        }
        byte[] bytes = bytes(key);
        buffer.put(SERIALISED).putVarInt(bytes.length).put(bytes);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != SERIALISED) {
            return super.read(buffer);
        }
        buffer.get();
        byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bytes);
        Object key = deserialize(bytes);
        if (key instanceof KeyValue) {
            remember(key, bytes);
        }
        return key;
    }

    private byte[] bytes(Object key) {
        int slot = slot(key);
        Serialised known = table[slot];
        if (known != null && known.key() == key) {
            return known.bytes();
        }
        byte[] bytes = serialize(key);
        remember(key, bytes);
        return bytes;
    }

    private void remember(Object key, byte[] bytes) {
        table[slot(key)] = new Serialised(key, bytes);
        // as H2 counts a serialised object: twice its bytes
        averageMemory = (averageMemory * 15 + 2 * bytes.length) / 16;
    }

    private static int slot(Object key) {
        return System.identityHashCode(key) & (SLOTS - 1);
    }
}
