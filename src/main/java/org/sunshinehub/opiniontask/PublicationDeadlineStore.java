package org.sunshinehub.opiniontask;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.sunshinehub.storage.MongoErrors;

/** {@code publicationDeadlines}: one per item with a formation date, {@code _id} = the item's id. */
@Component
class PublicationDeadlineStore {

    private final MongoCollection<Document> deadlines;

    PublicationDeadlineStore(MongoDatabase database) {
        this.deadlines = database.getCollection("publicationDeadlines");
        deadlines.createIndex(Indexes.ascending("state"), new IndexOptions().name("state"));
    }

    void insert(PublicationDeadline d) {
        MongoErrors.insertIfAbsent(deadlines, new Document("_id", d.itemId()).append("title", d.title())
                .append("division", d.division()).append("formedAt", Date.from(d.formedAt()))
                .append("lastDay", d.lastDay().toString()).append("state", d.state().name()));
    }

    /** Open ones, few at a time: items wait in review for days, not years. */
    List<PublicationDeadline> open() {
        return deadlines.find(Filters.eq("state", PublicationDeadline.State.OPEN.name())).map(PublicationDeadlineStore::of)
                .into(new ArrayList<>());
    }

    Optional<PublicationDeadline> find(String itemId) {
        return Optional.ofNullable(deadlines.find(Filters.eq("_id", itemId)).first()).map(PublicationDeadlineStore::of);
    }

    /** Moves an OPEN deadline only: a met one stays met. */
    void settle(String itemId, PublicationDeadline.State to) {
        deadlines.updateOne(new Document("_id", itemId).append("state", PublicationDeadline.State.OPEN.name()),
                Updates.set("state", to.name()));
    }

    private static PublicationDeadline of(Document d) {
        return new PublicationDeadline(d.getString("_id"), d.getString("title"), d.getString("division"),
                d.getDate("formedAt").toInstant(), LocalDate.parse(d.getString("lastDay")),
                PublicationDeadline.State.valueOf(d.getString("state")));
    }
}
