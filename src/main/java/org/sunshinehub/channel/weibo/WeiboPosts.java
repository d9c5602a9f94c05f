package org.sunshinehub.channel.weibo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.sunshinehub.storage.MongoErrors;

/**
 * {@code weiboPosts} (which item each post carried, by {@code account:idstr}) and {@code weiboAccounts} (per
 * account: the times of the last hour's posts, for pacing, and the id of the newest comment taken). Every read
 * is by {@code _id}.
 */
@Component
class WeiboPosts {

    private static final Duration HOUR = Duration.ofHours(1);

    private final MongoCollection<Document> posts;
    private final MongoCollection<Document> accounts;

    WeiboPosts(MongoDatabase database) {
        this.posts = database.getCollection("weiboPosts");
        this.accounts = database.getCollection("weiboAccounts");
    }

    /** When the account may post next: now, or an hour after the oldest of its last {@code perHour} posts. */
    Instant nextSlot(String account, int perHour, Instant now) {
        List<Date> recent = recent(account, now);
        return recent.size() < perHour ? now : recent.get(recent.size() - perHour).toInstant().plus(HOUR);
    }

    void posted(String account, String idstr, String itemId, Instant at) {
        MongoErrors.insertIfAbsent(posts, new Document("_id", account + ":" + idstr).append("itemId", itemId)
                .append("postedAt", Date.from(at)));
        List<Date> recent = new ArrayList<>(recent(account, at));
        recent.add(Date.from(at));
        accounts.updateOne(Filters.eq("_id", account), Updates.set("recentPosts", recent), new UpdateOptions().upsert(true));
    }

    Optional<String> itemOf(String account, String postId) {
        Document post = posts.find(Filters.eq("_id", account + ":" + postId)).first();
        return post == null ? Optional.empty() : Optional.ofNullable(post.getString("itemId"));
    }

    /** The newest comment id taken, {@code "0"} before the first. */
    String commentCursor(String account) {
        Document d = accounts.find(Filters.eq("_id", account)).first();
        return d == null || d.getString("commentsSinceId") == null ? "0" : d.getString("commentsSinceId");
    }

    void advanceCommentCursor(String account, String id) {
        accounts.updateOne(Filters.eq("_id", account), Updates.set("commentsSinceId", id), new UpdateOptions().upsert(true));
    }

    private List<Date> recent(String account, Instant now) {
        Document d = accounts.find(Filters.eq("_id", account)).first();
        List<Date> all = d == null || d.getList("recentPosts", Date.class) == null ? List.of()
                : d.getList("recentPosts", Date.class);
        Date since = Date.from(now.minus(HOUR));
        return all.stream().filter(t -> t.after(since)).sorted().toList();
    }
}
