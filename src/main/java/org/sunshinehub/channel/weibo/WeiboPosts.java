package org.sunshinehub.channel.weibo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
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
 * {@code weiboPosts} (which item each post carried, by {@code account:idstr}), {@code weiboAccounts} (per account:
 * the id of the newest comment taken) and {@code weiboPacing} (per account: the times of the last hour's posts and
 * a version). Every read is by {@code _id}. A post takes its hourly slot before it goes out, by compare-and-set on
 * the version, so instances sharing the database never post more than the limit in any hour between them.
 */
@Component
class WeiboPosts {

    private static final Duration HOUR = Duration.ofHours(1);

    private final MongoCollection<Document> posts;
    private final MongoCollection<Document> accounts;
    private final MongoCollection<Document> pacing;

    WeiboPosts(MongoDatabase database) {
        this.posts = database.getCollection("weiboPosts");
        this.accounts = database.getCollection("weiboAccounts");
        this.pacing = database.getCollection("weiboPacing");
        pacing.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
    }

    /**
     * Takes one of the account's {@code perHour} slots for a post going out {@code now}.
     *
     * @return empty when taken; else when the next slot frees up (an hour after the oldest of the last
     *         {@code perHour} posts)
     */
    Optional<Instant> takeSlot(String account, int perHour, Instant now) {
        while (true) {
            Document pace = pace(account);
            List<Date> recent = recent(pace, now);
            if (recent.size() >= perHour) {
                return Optional.of(recent.get(recent.size() - perHour).toInstant().plus(HOUR));
            }
            List<Date> taken = new ArrayList<>(recent);
            taken.add(Date.from(now));
            if (replaceRecent(pace, taken)) {
                return Optional.empty();
            }
        }
    }

    /** Gives back the slot taken at {@code at} by a post Weibo refused (it did not count against the limit). */
    void releaseSlot(String account, Instant at) {
        while (true) {
            Document pace = pace(account);
            List<Date> recent = new ArrayList<>(recent(pace, at));
            if (!recent.remove(Date.from(at)) || replaceRecent(pace, recent)) {
                return;
            }
        }
    }

    private Document pace(String account) {
        Document pace = pacing.find(Filters.eq("_id", account)).first();
        if (pace == null) {
            MongoErrors.insertIfAbsent(pacing, new Document("_id", account).append("version", 0L)
                    .append("recentPosts", List.of()));
            pace = pacing.find(Filters.eq("_id", account)).first();
        }
        return pace;
    }

    /**
     * Guarded by the exact {@code {_id, version}} read (a unique index on both, so the embedded server finds it by
     * key and lets one of two concurrent writers through).
     *
     * @return false when another instance changed the account's posts since {@code pace} was read: read again
     */
    private boolean replaceRecent(Document pace, List<Date> recent) {
        long version = pace.get("version", Number.class).longValue();
        Document guard = new Document("_id", pace.get("_id")).append("version", version);
        try {
            return pacing.updateOne(guard, Updates.combine(Updates.set("recentPosts", recent),
                    Updates.set("version", version + 1))).getModifiedCount() == 1;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    void posted(String account, String idstr, String itemId, Instant at) {
        MongoErrors.insertIfAbsent(posts, new Document("_id", account + ":" + idstr).append("itemId", itemId)
                .append("postedAt", Date.from(at)));
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

    private static List<Date> recent(Document pace, Instant now) {
        List<Date> all = pace.getList("recentPosts", Date.class);
        Date since = Date.from(now.minus(HOUR));
        return all.stream().filter(t -> t.after(since)).sorted().toList();
    }
}
