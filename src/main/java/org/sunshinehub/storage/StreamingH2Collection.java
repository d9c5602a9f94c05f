package org.sunshinehub.storage;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection whose unsorted scans read on batch by batch, as the client asks for them. H2's own collects
 * every match before it answers the first batch: a fan-out's first read of 100,000 subscribers waited seconds for
 * the last one before the first could be sent, and held them all in the store's heap (a million: about 1 GB).
 * Here a cursor remembers the last key it passed and reads on from there in key order, so it sees what MongoDB's
 * own cursors see (no snapshot: a document written ahead of it is read, one removed ahead of it is not).
 * Sorted, projected or single-batch queries, and those an index answers, go H2's way.
 */
final class StreamingH2Collection extends H2Collection {

    private final MVMap<Object, Document> data;

    StreamingH2Collection(MongoDatabase database, String name, CollectionOptions options,
                          MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
        this.data = data;
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (batchSize <= 0 || limit < 0 || !isEmpty(orderBy) || !isEmpty(fieldSelector)) {
            return super.matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
        KeyOrderCursor cursor = new KeyOrderCursor(cursorRegistry.generateCursorId(), query, skip, limit);
        List<Document> first = cursor.takeDocuments(batchSize);
        if (cursor.isEmpty()) {
            return new QueryResult(first);
        }
        cursorRegistry.add(cursor);
        return new QueryResult(first, cursor);
    }

    private static boolean isEmpty(Document document) {
        return document == null || document.isEmpty();
    }

    /** Matches in key order from just after the last key it passed; each batch opens H2's cursor there again. */
    private final class KeyOrderCursor extends AbstractCursor {

        private final Document query;
        private long toSkip;
        /** Documents still to return: the query's limit, or no end. */
        private long left;
        /** The last key read (H2 keys an absent {@code _id} as a non-null marker); null before the first batch. */
        private Object passed;
        private boolean exhausted;

        KeyOrderCursor(long id, Document query, int skip, int limit) {
            super(id);
            this.query = query;
            this.toSkip = skip;
            this.left = limit == 0 ? Long.MAX_VALUE : limit;
        }

        @Override
        public boolean isEmpty() {
            return exhausted || left == 0;
        }

        /** @param numberToReturn at most this many; none given (0, or a foreign client's negative): no bound */
        @Override
        public List<Document> takeDocuments(int numberToReturn) {
            int wanted = numberToReturn > 0 ? numberToReturn : Integer.MAX_VALUE;
            List<Document> batch = new ArrayList<>(Math.min(wanted, 1024));
            // opened and read to its end under the backend's lock: no commit frees a page it still reads
            Cursor<Object, Document> keys = data.cursor(passed);
            boolean first = true;
            while (batch.size() < wanted && left > 0 && keys.hasNext()) {
                Object key = keys.next();
                boolean resumedOnPassed = first && passed != null && data.getKeyType().compare(key, passed) == 0;
                first = false;
                if (resumedOnPassed) {
                    continue; // cursor(from) starts at the key the last batch ended on, if it is still there
                }
                passed = key;
                Document document = keys.getValue();
                if (!documentMatchesQuery(document, query)) {
                    continue;
                }
                if (toSkip > 0) {
                    toSkip--;
                } else {
                    batch.add(document);
                    left--;
                }
            }
            exhausted = !keys.hasNext();
            return batch;
        }
    }
}
