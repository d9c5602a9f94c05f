package org.sunshinehub.content;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;
import org.sunshinehub.storage.MongoErrors;

/**
 * The {@code items} collection. Per-item operations filter on exactly the keys of a unique index
 * ({@code _id}; {@code source+sourceId}; {@code _id+version}) so they cost the same at any collection size,
 * also on the embedded server, which uses an index only for such filters.
 */
@Repository
public class ItemRepository {

    private final MongoCollection<Document> items;

    ItemRepository(MongoDatabase database) {
        this.items = database.getCollection("items");
        IndexOptions unique = new IndexOptions().unique(true);
        items.createIndex(Indexes.ascending("source", "sourceId"), unique.name("source_sourceId"));
        items.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
        // For the staff listing on a real MongoDB; the embedded server ignores non-unique indexes.
        items.createIndex(Indexes.compoundIndex(Indexes.ascending("kind", "state"), Indexes.descending("receivedAt")),
                new IndexOptions().name("kind_state_receivedAt"));
        items.createIndex(Indexes.compoundIndex(Indexes.ascending("state"), Indexes.descending("receivedAt")),
                new IndexOptions().name("state_received"));
    }

    /** A new id for an item about to be inserted. */
    public static String newId() {
        return new ObjectId().toHexString();
    }

    public Optional<ContentItem> findById(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(items.find(Filters.eq("_id", new ObjectId(id))).first())
                .map(ItemDocuments::fromDocument);
    }

    public Optional<ContentItem> findBySource(String source, String sourceId) {
        Document filter = new Document("source", source).append("sourceId", sourceId);
        return Optional.ofNullable(items.find(filter).first()).map(ItemDocuments::fromDocument);
    }

    /**
     * Inserts the item unless one with the same source and sourceId exists.
     *
     * @return the stored item and whether this call created it
     */
    public Insertion insertIfAbsent(ContentItem item) {
        if (MongoErrors.insertIfAbsent(items, ItemDocuments.toDocument(item))) {
            return new Insertion(item, true);
        }
        return new Insertion(findBySource(item.fields().source(), item.fields().sourceId()).orElseThrow(), false);
    }

    /**
     * Replaces the stored item if it is still at {@code updated.version() - 1}.
     *
     * @return false when someone else changed it first
     */
    public boolean replaceIfUnchanged(ContentItem updated) {
        Document filter = new Document("_id", new ObjectId(updated.id())).append("version", updated.version() - 1);
        return items.replaceOne(filter, ItemDocuments.toDocument(updated)).getModifiedCount() == 1;
    }

    public ItemPage find(ItemQuery query) {
        List<Bson> conditions = new ArrayList<>();
        if (query.kind() != null) {
            conditions.add(Filters.eq("kind", query.kind().name()));
        }
        if (query.state() != null) {
            conditions.add(Filters.eq("state", query.state().name()));
        }
        if (query.category() != null && !query.category().isBlank()) {
            conditions.add(Filters.eq("category", query.category()));
        }
        if (query.source() != null && !query.source().isBlank()) {
            conditions.add(Filters.eq("source", query.source()));
        }
        if (query.text() != null && !query.text().isBlank()) {
            conditions.add(Filters.regex("title", Pattern.quote(query.text().strip())));
        }
        Bson filter = conditions.isEmpty() ? new Document() : Filters.and(conditions);
        List<ContentItem> page = items.find(filter)
                .sort(Sorts.orderBy(Sorts.descending("receivedAt"), Sorts.descending("_id")))
                .skip(query.page() * query.size())
                .limit(query.size())
                .map(ItemDocuments::fromDocument)
                .into(new ArrayList<>());
        return new ItemPage(query.page(), query.size(), items.countDocuments(filter), page);
    }

    public record Insertion(ContentItem item, boolean created) {
    }
}
