package org.sunshinehub.content;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * 谁起草、谁解读: an interpretation names the 文号 of the document it explains; {@code docLinks} (one document per
 * 文号) links them whichever arrives first, so finding the other side is one lookup by {@code _id}.
 */
@Component
public class ItemLinks {

    private final ItemRepository items;
    private final MongoCollection<Document> links;

    ItemLinks(ItemRepository items, MongoDatabase database) {
        this.items = items;
        this.links = database.getCollection("docLinks");
    }

    @EventListener
    void onReceived(ItemReceived event) {
        items.findById(event.itemId()).ifPresent(this::link);
    }

    void link(ContentItem item) {
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        if (item.kind() == ItemKind.INTERPRETATION && item.fields().explainsDocNumber() != null) {
            links.updateOne(Filters.eq("_id", item.fields().explainsDocNumber()),
                    Updates.addToSet("interpretations", item.id()), upsert);
        } else if (item.fields().docNumber() != null && item.kind() != ItemKind.INTERPRETATION) {
            links.updateOne(Filters.eq("_id", item.fields().docNumber()), Updates.set("document", item.id()), upsert);
        }
    }

    /** The interpretations of a document, or the document an interpretation explains. */
    public List<ContentItem> related(ContentItem item) {
        String docNumber = item.kind() == ItemKind.INTERPRETATION ? item.fields().explainsDocNumber()
                : item.fields().docNumber();
        Document link = docNumber == null ? null : links.find(Filters.eq("_id", docNumber)).first();
        if (link == null) {
            return List.of();
        }
        List<String> ids = item.kind() == ItemKind.INTERPRETATION
                ? Optional.ofNullable(link.getString("document")).map(List::of).orElse(List.of())
                : link.getList("interpretations", String.class, List.of());
        List<ContentItem> related = new ArrayList<>();
        ids.forEach(id -> items.findById(id).filter(r -> r.state() == ItemState.APPROVED).ifPresent(related::add));
        return related;
    }
}
