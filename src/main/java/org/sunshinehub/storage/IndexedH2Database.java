package org.sunshinehub.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.H2UniqueIndex;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * An H2 database whose unique indexes compare keys with {@link IndexKeyType} and whose collections store their
 * documents with {@link DocumentValueType}, their ids with {@link DocumentIdType} and stream their scans
 * ({@link StreamingH2Collection}); everything else as H2's, under the map names H2's own gives them.
 */
final class IndexedH2Database extends H2Database {

    /**
     * Shared by every store of the process: it remembers key objects by identity, whichever map holds them. Each map
     * has an id type of its own, as H2's type remembers the kind of the last value it met.
     */
    private static final IndexKeyType KEYS = new IndexKeyType();
    private static final DocumentValueType DOCUMENTS = new DocumentValueType();
    private static final Constructor<H2UniqueIndex> UNIQUE_INDEX;
    private static final Field STORE;
    private static final Field BACKEND_STORE;

    static {
        try {
            // Package-private and private in mongo-java-server: the index is theirs, only its map's key type is
            // ours. H2Database opens its indexes from its constructor, before a field of ours could be set.
            UNIQUE_INDEX = H2UniqueIndex.class.getDeclaredConstructor(MVMap.class, String.class, List.class, boolean.class);
            UNIQUE_INDEX.setAccessible(true);
            STORE = H2Database.class.getDeclaredField("mvStore");
            STORE.setAccessible(true);
            BACKEND_STORE = H2Backend.class.getDeclaredField("mvStore");
            BACKEND_STORE.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private IndexedH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
    }

    /** Also called from H2Backend's constructor (for the databases a file holds), before its subclass is set up. */
    static IndexedH2Database open(H2Backend backend, String name, CursorRegistry cursors) {
        try {
            return new IndexedH2Database(name, (MVStore) BACKEND_STORE.get(backend), cursors);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        MVStore store = store();
        MVMap<Object, Document> data = store.openMap("databases." + fullName,
                new MVMap.Builder<Object, Document>().keyType(new DocumentIdType()).valueType(DOCUMENTS));
        MVMap<String, Object> meta = store.openMap("meta." + fullName);
        return new StreamingH2Collection(this, collectionName, options, data, meta, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        // the map name H2Database gives an index, so files written before read the same
        String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        MVMap<KeyValue, Object> map = store().openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(KEYS)
                .valueType(new DocumentIdType()));
        try {
            return UNIQUE_INDEX.newInstance(map, indexName, keys, sparse);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot open the unique index " + mapName, e);
        }
    }

    /** Read on every open: H2Database opens its collections from its constructor, before a field of ours is set. */
    private MVStore store() {
        try {
            return (MVStore) STORE.get(this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
