package org.sunshinehub.channel.wechat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.sunshinehub.storage.BatchedWrites;

/**
 * {@code wechatCallbacks}: every accepted callback, stored under its de-duplication key before it is handled
 * and answered. A retry finds the key taken and gets the first answer again; nothing is handled twice. A
 * callback whose handling was cut short (the hub stopped) stays RECEIVED and is handled at the next start.
 */
@Component
class CallbackInbox {

    static final String RECEIVED = "RECEIVED";
    static final String DONE = "DONE";

    private final MongoCollection<Document> callbacks;
    private final BatchedWrites writes;

    CallbackInbox(MongoDatabase database) {
        this.callbacks = database.getCollection("wechatCallbacks");
        this.writes = new BatchedWrites(callbacks);
        callbacks.createIndex(Indexes.ascending("state"), new IndexOptions().name("state"));
    }

    static String id(String account, InboundMessage m) {
        return account + ":" + m.dedupeKey();
    }

    /** @return true when this is the first time the callback is seen */
    boolean store(String account, InboundMessage m, Instant now) {
        return writes.insertIfAbsent(new Document("_id", id(account, m)).append("account", account)
                .append("fields", new Document(new java.util.LinkedHashMap<>(m.fields())))
                .append("state", RECEIVED).append("receivedAt", Date.from(now)));
    }

    void done(String id, String reply) {
        writes.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", DONE),
                Updates.set("reply", reply)), false);
    }

    /** The answer given the first time; empty while that first handling is still under way. */
    Optional<String> firstReply(String id) {
        Document d = callbacks.find(Filters.eq("_id", id)).first();
        return d == null || !DONE.equals(d.getString("state")) ? Optional.empty()
                : Optional.ofNullable(d.getString("reply"));
    }

    /** Callbacks stored but never handled; a full scan, run once at start. */
    List<Document> unfinished() {
        return callbacks.find(Filters.eq("state", RECEIVED)).limit(10_000).into(new ArrayList<>());
    }
}
