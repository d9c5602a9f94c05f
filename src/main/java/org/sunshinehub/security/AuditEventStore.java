package org.sunshinehub.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

/**
 * {@code auditEvents}: append-only. Insert and read are all this class offers, and it is the only code that knows
 * the collection, so nothing in the hub can change or remove an entry.
 */
@Component
class AuditEventStore {

    private final MongoCollection<Document> events;

    AuditEventStore(MongoDatabase database) {
        this.events = database.getCollection("auditEvents");
    }

    void insert(AuditEvent event) {
        events.insertOne(new Document("_id", new ObjectId()).append("at", Date.from(event.at()))
                .append("account", event.account()).append("action", event.action().name())
                .append("object", event.object()).append("detail", event.detail())
                .append("clientAddress", event.clientAddress()));
    }

    long count(String account) {
        return events.countDocuments(filter(account));
    }

    /** Newest first; ObjectIds grow with insertion, so {@code _id} orders by time across instances closely enough. */
    List<AuditEvent> page(String account, int page, int size) {
        return events.find(filter(account)).sort(new Document("_id", -1)).skip(page * size).limit(size)
                .map(AuditEventStore::event).into(new ArrayList<>());
    }

    private static Bson filter(String account) {
        return account == null || account.isBlank() ? new Document() : Filters.eq("account", account);
    }

    private static AuditEvent event(Document d) {
        return new AuditEvent(d.getObjectId("_id").toHexString(), d.getDate("at").toInstant(), d.getString("account"),
                AuditAction.valueOf(d.getString("action")), d.getString("object"), d.getString("detail"),
                d.getString("clientAddress"));
    }
}
