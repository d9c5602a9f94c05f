package org.sunshinehub.dispatch;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.sunshinehub.audience.Recipient;
import org.sunshinehub.channelkind.ChannelKind;

/** {@code digests}: one document per channel, citizen and morning, gathering the items over that day's cap. */
@Component
class DigestStore {

    enum State { PENDING, SENT, FAILED }

    /** One item in a digest; {@code queue} is the push it came from, which waits until the digest has gone. */
    record Line(String itemId, String title, String url, String queue) {
    }

    record Digest(String id, ChannelKind channel, String subscriber, String address, Instant dueAt, int attempts,
                  List<Line> lines) {
    }

    private final MongoCollection<Document> digests;

    DigestStore(MongoDatabase database) {
        this.digests = database.getCollection("digests");
        digests.createIndex(Indexes.ascending("state", "dueAt"), new IndexOptions().name("state_due"));
    }

    /** @return false when the line was in that digest already */
    boolean add(ChannelKind channel, Recipient r, Instant morning, Line line) {
        String id = channel.code() + ":" + r.subscriberId() + ":" + morning.toEpochMilli();
        var result = digests.updateOne(Filters.eq("_id", id), Updates.combine(Updates.setOnInsert("channel", channel.code()),
                        Updates.setOnInsert("subscriber", r.subscriberId()), Updates.setOnInsert("address", r.address()),
                        Updates.setOnInsert("dueAt", Date.from(morning)), Updates.setOnInsert("state", State.PENDING.name()),
                        Updates.addToSet("items", new Document("itemId", line.itemId()).append("title", line.title())
                                .append("url", line.url()).append("queue", line.queue()))),
                new UpdateOptions().upsert(true));
        return result.getUpsertedId() != null || result.getModifiedCount() > 0;
    }

    /** Due digests; a small collection, so the scan is cheap. */
    List<Digest> due(Instant now, int limit) {
        return digests.find(Filters.and(Filters.eq("state", State.PENDING.name()), Filters.lte("dueAt", Date.from(now))))
                .limit(limit).map(DigestStore::of).into(new ArrayList<>());
    }

    /**
     * Takes a due digest for one sender: a compare-and-set on its due time, which moves to the end of the lease, so
     * two sweepers (threads or instances) never both send it; if the sender dies, it is due again then.
     */
    boolean take(Digest digest, Instant leaseUntil) {
        return digests.updateOne(new Document("_id", digest.id()).append("state", State.PENDING.name())
                .append("dueAt", Date.from(digest.dueAt())), Updates.set("dueAt", Date.from(leaseUntil)))
                .getModifiedCount() == 1;
    }

    /** @return false when another sweeper settled it first */
    boolean settle(String id, State state, String reason) {
        return digests.updateOne(new Document("_id", id).append("state", State.PENDING.name()),
                Updates.combine(Updates.set("state", state.name()), Updates.set("reason", reason))).getModifiedCount() == 1;
    }

    void retryAt(Digest digest, Instant at, String error) {
        digests.updateOne(Filters.eq("_id", digest.id()), Updates.combine(Updates.inc("attempts", 1),
                Updates.set("dueAt", Date.from(at)), Updates.set("lastError", error)));
    }

    private static Digest of(Document d) {
        List<Line> lines = d.getList("items", Document.class).stream().map(l -> new Line(l.getString("itemId"),
                l.getString("title"), l.getString("url"), l.getString("queue"))).toList();
        return new Digest(d.getString("_id"), ChannelKind.of(d.getString("channel")), d.getString("subscriber"),
                d.getString("address"), d.getDate("dueAt").toInstant(), d.getInteger("attempts", 0), lines);
    }
}
