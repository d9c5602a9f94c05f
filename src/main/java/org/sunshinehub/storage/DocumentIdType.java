package org.sunshinehub.storage;

import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The type of the durable store's document ids: the keys of its collections and the values of their unique indexes.
 * H2 has no type of its own for an {@link ObjectId}, so it Java-serialises every one each time it writes or reads
 * a page: streaming 100,000 subscribers for a fan-out spent most of its store time in {@code ObjectInputStream}.
 * This type stores an ObjectId as one tag byte and its 12 bytes and reads ids written the old way, so existing
 * files open unchanged and convert page by page as their pages are written. The order of keys is H2's, unchanged
 * (an ObjectId is {@link Comparable}, and H2 orders two of them by {@link ObjectId#compareTo}).
 */
final class DocumentIdType extends ObjectDataType {

    /** Above every tag H2's {@link ObjectDataType} writes (0–119), and not {@link DocumentValueType#BSON}. */
    static final byte OBJECT_ID = (byte) 0xB6;
    private static final int LENGTH = 12;
    /** The object, its 12-byte array and their headers, as H2 counts a key's share of its page's memory. */
    private static final int MEMORY = 64;

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof ObjectId x && b instanceof ObjectId y) {
            return x.compareTo(y);
        }
        return super.compare(a, b);
    }

    @Override
    public int getMemory(Object id) {
        return id instanceof ObjectId ? MEMORY : super.getMemory(id);
    }

    @Override
    public void write(WriteBuffer buffer, Object id) {
        if (id instanceof ObjectId objectId) {
            buffer.put(OBJECT_ID).put(objectId.toByteArray());
        } else {
            super.write(buffer, id);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != OBJECT_ID) {
            return super.read(buffer);
        }
        buffer.get();
        byte[] bytes = new byte[LENGTH];
        buffer.get(bytes);
        return new ObjectId(bytes);
    }
}
