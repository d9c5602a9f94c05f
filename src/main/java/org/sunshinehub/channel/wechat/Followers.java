package org.sunshinehub.channel.wechat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.sunshinehub.storage.BatchedFinds;
import org.sunshinehub.storage.BatchedWrites;

/**
 * {@code wechatFollowers}, one small document per openid: when the follower last wrote (WeChat's window for
 * customer-service answers) and the latest item pushed to them (what an unmarked message most likely answers).
 * Every read is by {@code _id}.
 */
@Component
class Followers {

    private final MongoCollection<Document> followers;
    private final BatchedWrites writes;
    private final BatchedFinds finds;

    Followers(MongoDatabase database) {
        this.followers = database.getCollection("wechatFollowers");
        this.writes = new BatchedWrites(followers);
        this.finds = new BatchedFinds(followers);
    }

    /** A message from the follower: it opens WeChat's answer window again, with its allowance of answers. */
    void wrote(String account, String openId, Instant at) {
        writes.updateOne(Filters.eq("_id", openId), Updates.combine(Updates.set("account", account),
                Updates.max("lastMessageAt", Date.from(at)), Updates.set("answers", 0)), true);
    }

    /**
     * Takes one of the {@code allowance} answers the follower's last message allows, in one conditional update.
     *
     * @return false when they are used up
     */
    boolean takeAnswer(String openId, int allowance) {
        return followers.updateOne(Filters.and(Filters.eq("_id", openId), Filters.or(Filters.exists("answers", false),
                Filters.lt("answers", allowance))), Updates.inc("answers", 1)).getMatchedCount() == 1;
    }

    /** An answer WeChat did not take does not count. */
    void returnAnswer(String openId) {
        followers.updateOne(Filters.and(Filters.eq("_id", openId), Filters.gt("answers", 0)), Updates.inc("answers", -1));
    }

    /** One write for a whole batch of accepted pushes. */
    void pushed(Collection<String> openIds, String itemId, Instant at) {
        if (openIds.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = openIds.stream().<WriteModel<Document>>map(id -> new UpdateOneModel<>(
                Filters.eq("_id", id), Updates.combine(Updates.set("lastPushItem", itemId),
                        Updates.set("lastPushAt", Date.from(at))), new UpdateOptions().upsert(true))).toList();
        followers.bulkWrite(writes);
    }

    /** The latest item pushed to this follower at or after {@code since}. */
    Optional<String> lastPushedSince(String openId, Instant since) {
        Document follower = finds.byId(openId).orElse(null);
        if (follower == null || follower.getDate("lastPushAt") == null
                || follower.getDate("lastPushAt").toInstant().isBefore(since)) {
            return Optional.empty();
        }
        return Optional.ofNullable(follower.getString("lastPushItem"));
    }

    /** Whom a follower writes to, and when they last did. */
    record Contact(String account, Instant lastMessageAt) {
    }

    Optional<Contact> contact(String openId) {
        Document follower = followers.find(Filters.eq("_id", openId)).first();
        return follower == null ? Optional.empty() : Optional.of(new Contact(follower.getString("account"),
                follower.getDate("lastMessageAt") == null ? null : follower.getDate("lastMessageAt").toInstant()));
    }

    /** WeChat asks that a follower who leaves be forgotten: only the bare openid's opt-out stays (elsewhere). */
    void forget(String openId) {
        followers.deleteOne(Filters.eq("_id", openId));
    }
}
