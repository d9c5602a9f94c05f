package org.sunshinehub.storage;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the durable store's collections. H2 keeps mongo-java-server's documents as Java-serialised
 * objects: reading 100,000 subscribers for a fan-out spent ~85% of its time in {@code ObjectInputStream}, and
 * writing them as much in {@code ObjectOutputStream}. This type stores a document as one tag byte and its BSON,
 * encoded by mongo-java-server's own wire codec, so a value reads back as it came off the wire. It still reads
 * values written the old way, so existing files open unchanged and convert document by document as they change;
 * a document the codec cannot encode is written the old way.
 */
final class DocumentValueType extends BasicDataType<Document> {

    /** Above every tag H2's {@link ObjectDataType} writes (0–119), so old and new values tell themselves apart. */
    static final byte BSON = (byte) 0xB5;
    /** Decoded documents take about this many times their BSON size on the heap (H2 sizes its pages and cache by it). */
    private static final int HEAP_PER_BSON_BYTE = 3;

    private final ObjectDataType legacy = new ObjectDataType();
    /** Running average of the encoded size, as H2's own type keeps for serialised objects. */
    private volatile int averageSize = 256;

    @Override
    public int getMemory(Document document) {
        return HEAP_PER_BSON_BYTE * averageSize;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(averageSize + 64);
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (RuntimeException notEncodable) {
            legacy.write(buffer, document);
            return;
        } finally {
            averageSize = (averageSize * 15 + bson.readableBytes()) / 16;
        }
        buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) legacy.read(buffer);
        }
        buffer.get();
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + bson.readerIndex());
        return document;
    }

    /** H2 compares values only to test them for equality. */
    @Override
    public int compare(Document a, Document b) {
        return a.equals(b) ? 0 : legacy.compare(a, b);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
