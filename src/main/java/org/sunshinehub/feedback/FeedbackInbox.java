package org.sunshinehub.feedback;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.sunshinehub.audience.ChannelKind;
import org.sunshinehub.storage.MongoErrors;

/** The {@code feedback} collection: stored once per source key, whatever the provider repeats. */
@Service
public class FeedbackInbox {

    private static final Logger log = LoggerFactory.getLogger(FeedbackInbox.class);

    private final MongoCollection<Document> feedback;

    FeedbackInbox(MongoDatabase database) {
        this.feedback = database.getCollection("feedback");
        feedback.createIndex(Indexes.ascending("itemId", "receivedAt"), new IndexOptions().name("item_received"));
    }

    /** @return true when this is new, false for a repeat */
    public boolean record(Feedback f) {
        boolean created = MongoErrors.insertIfAbsent(feedback, toDocument(f));
        if (created) {
            log.info("Feedback on {} for item {} ({} chars)", f.channel().code(), f.itemId(), f.text().length());
        }
        return created;
    }

    List<Feedback> find(Bson filter, int page, int size) {
        return feedback.find(filter).sort(new Document("receivedAt", -1)).skip(page * size).limit(size)
                .map(FeedbackInbox::of).into(new ArrayList<>());
    }

    long count(Bson filter) {
        return feedback.countDocuments(filter);
    }

    static Bson filter(String itemId, ChannelKind channel, Date since) {
        List<Bson> conditions = new ArrayList<>();
        if (itemId != null) {
            conditions.add(Filters.eq("itemId", itemId));
        }
        if (channel != null) {
            conditions.add(Filters.eq("channel", channel.code()));
        }
        if (since != null) {
            conditions.add(Filters.gte("receivedAt", since));
        }
        return conditions.isEmpty() ? new Document() : Filters.and(conditions);
    }

    private static Document toDocument(Feedback f) {
        return new Document("_id", f.sourceKey()).append("itemId", f.itemId()).append("channel", f.channel().code())
                .append("subscriberId", f.subscriberId()).append("address", f.address()).append("text", f.text())
                .append("sentAt", f.sentAt() == null ? null : Date.from(f.sentAt()))
                .append("receivedAt", Date.from(f.receivedAt()));
    }

    private static Feedback of(Document d) {
        Date sentAt = d.getDate("sentAt");
        return new Feedback(d.getString("_id"), d.getString("itemId"), ChannelKind.of(d.getString("channel")),
                d.getString("subscriberId"), d.getString("address"), d.getString("text"),
                sentAt == null ? null : sentAt.toInstant(), d.getDate("receivedAt").toInstant());
    }
}
