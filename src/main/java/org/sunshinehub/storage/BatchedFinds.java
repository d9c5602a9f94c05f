package org.sunshinehub.storage;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Reads by {@code _id} for many concurrent callers: the ids asked for at the same moment go as one
 * {@code _id $in} query (an index lookup on any store; at most 100 ids, where mongo-java-server's {@code $in}
 * stays cheap), so a burst of callbacks that each look up one document costs a few round trips.
 */
public final class BatchedFinds {

    private static final int MAX_BATCH = 100;
    private static final int PARALLEL = 2;

    private final MongoCollection<Document> collection;
    private final Coalescer<Object, Document> finds;

    public BatchedFinds(MongoCollection<Document> collection) {
        this.collection = collection;
        this.finds = new Coalescer<>(this::find, MAX_BATCH, PARALLEL);
    }

    public Optional<Document> byId(Object id) {
        return Optional.ofNullable(finds.call(id));
    }

    /** {@link #byId} for each id, in order, batched with one another and with other callers' reads. */
    public List<Optional<Document>> byIds(List<?> ids) {
        return finds.callAll(List.copyOf(ids)).stream().map(Optional::ofNullable).toList();
    }

    private void find(List<Coalescer.Call<Object, Document>> calls) {
        Map<Object, Document> found = new HashMap<>();
        collection.find(Filters.in("_id", calls.stream().map(Coalescer.Call::input).distinct().toList()))
                .forEach(d -> found.put(d.get("_id"), d));
        calls.forEach(c -> c.succeed(found.get(c.input())));
    }
}
