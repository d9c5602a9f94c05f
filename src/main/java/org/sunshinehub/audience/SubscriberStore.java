package org.sunshinehub.audience;

import org.sunshinehub.channelkind.ChannelKind;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;
import org.sunshinehub.storage.BatchedFinds;
import org.sunshinehub.storage.MongoErrors;

/**
 * {@code subscribers} and {@code identities}. An identity document's {@code _id} is {@code CHANNEL:address}, so
 * "who has this phone" is an {@code _id} lookup on any store, and its uniqueness is what merges duplicates.
 */
@Component
class SubscriberStore {

    private final MongoCollection<Document> subscribers;
    private final MongoCollection<Document> identities;
    private final BatchedFinds subscribersById;
    private final BatchedFinds identitiesById;
    private final MongoCollection<Document> optOutEvents;

    SubscriberStore(MongoDatabase database) {
        this.subscribers = database.getCollection("subscribers");
        this.identities = database.getCollection("identities");
        this.optOutEvents = database.getCollection("optOutEvents");
        this.subscribersById = new BatchedFinds(subscribers);
        this.identitiesById = new BatchedFinds(identities);
        optOutEvents.createIndex(Indexes.ascending("channel", "at"), new IndexOptions().name("channel_at"));
        subscribers.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
        subscribers.createIndex(Indexes.ascending("topics"), new IndexOptions().name("topics"));
        subscribers.createIndex(Indexes.ascending("phone"), new IndexOptions().name("phone"));
    }

    static String identityKey(ChannelKind channel, String address) {
        return channel.name() + ":" + address;
    }

    Optional<String> subscriberIdOf(ChannelKind channel, String address) {
        return identitiesById.byId(identityKey(channel, address)).map(d -> d.getString("subscriberId"));
    }

    List<Optional<String>> subscriberIdsOf(ChannelKind channel, List<String> addresses) {
        return identitiesById.byIds(addresses.stream().map(a -> identityKey(channel, a)).toList()).stream()
                .map(d -> d.map(found -> found.getString("subscriberId"))).toList();
    }

    /** @return false when the identity already belongs to someone */
    boolean claimIdentity(ChannelKind channel, String address, String subscriberId) {
        return MongoErrors.insertIfAbsent(identities,
                new Document("_id", identityKey(channel, address)).append("subscriberId", subscriberId));
    }

    /** Inserts new subscribers and their identities in bulk (demo data, benchmarks): no merging. */
    void insertNew(List<Subscriber> batch) {
        subscribers.insertMany(batch.stream().map(SubscriberStore::toDocument).toList());
        List<Document> ids = new ArrayList<>();
        for (Subscriber s : batch) {
            for (ChannelKind channel : ChannelKind.values()) {
                if (s.address(channel) != null) {
                    ids.add(new Document("_id", identityKey(channel, s.address(channel))).append("subscriberId", s.id()));
                }
            }
        }
        identities.insertMany(ids);
    }

    boolean isEmpty() {
        return subscribers.find().limit(1).first() == null;
    }

    Optional<Subscriber> find(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return subscribersById.byId(new ObjectId(id)).map(SubscriberStore::of);
    }

    void insert(Subscriber subscriber) {
        subscribers.insertOne(toDocument(subscriber));
    }

    /** Replaces the subscriber if it is still at {@code updated.version() - 1}. */
    boolean replaceIfUnchanged(Subscriber updated) {
        Document filter = new Document("_id", new ObjectId(updated.id())).append("version", updated.version() - 1);
        return subscribers.replaceOne(filter, toDocument(updated)).getModifiedCount() == 1;
    }

    /** Opt-outs are rare, so their log stays small and "who opted out since" is a cheap query. */
    void logOptOut(ChannelKind channel, String subscriberId, Instant at) {
        optOutEvents.insertOne(new Document("channel", channel.name()).append("subscriber", subscriberId)
                .append("at", Date.from(at)));
    }

    java.util.Set<String> optedOutSince(ChannelKind channel, Instant since) {
        return optOutEvents.find(Filters.and(Filters.eq("channel", channel.name()), Filters.gte("at", Date.from(since))))
                .map(d -> d.getString("subscriber")).into(new java.util.HashSet<>());
    }

    FindIterable<Document> matching(AudienceSpec audience) {
        return subscribers.find(audienceFilter(audience));
    }

    long countMatching(AudienceSpec audience) {
        return subscribers.countDocuments(audienceFilter(audience));
    }

    private static Bson audienceFilter(AudienceSpec audience) {
        return audience.all() ? new Document() : Filters.in("topics", audience.topics());
    }

    List<Subscriber> page(Bson filter, int page, int size) {
        return subscribers.find(filter).sort(new Document("_id", 1)).skip(page * size).limit(size)
                .map(SubscriberStore::of).into(new ArrayList<>());
    }

    long count(Bson filter) {
        return subscribers.countDocuments(filter);
    }

    static Document toDocument(Subscriber s) {
        Document optedOut = new Document();
        s.optedOut().forEach((channel, at) -> optedOut.append(channel.name(), Date.from(at)));
        Document d = new Document("_id", new ObjectId(s.id()));
        putIfSet(d, "phone", s.phone());
        putIfSet(d, "wechatOpenId", s.wechatOpenId());
        putIfSet(d, "appRegistrationId", s.appRegistrationId());
        putIfSet(d, "weiboUid", s.weiboUid());
        return d.append("topics", s.topics()).append("optedOut", optedOut)
                .append("createdAt", Date.from(s.createdAt())).append("version", s.version());
    }

    static Subscriber of(Document d) {
        Map<ChannelKind, Instant> optedOut = new EnumMap<>(ChannelKind.class);
        Document out = d.get("optedOut", Document.class);
        if (out != null) {
            out.forEach((channel, at) -> optedOut.put(ChannelKind.valueOf(channel), ((Date) at).toInstant()));
        }
        return new Subscriber(d.getObjectId("_id").toHexString(), d.getString("phone"), d.getString("wechatOpenId"),
                d.getString("appRegistrationId"), d.getString("weiboUid"), d.getList("topics", String.class, List.of()),
                optedOut, d.getDate("createdAt").toInstant(), d.get("version", Number.class).longValue());
    }

    private static void putIfSet(Document d, String key, String value) {
        if (value != null) {
            d.append(key, value);
        }
    }
}
