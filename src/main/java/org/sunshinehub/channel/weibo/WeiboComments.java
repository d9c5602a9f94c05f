package org.sunshinehub.channel.weibo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.audience.SubscriberDirectory;
import org.sunshinehub.feedback.Feedback;
import org.sunshinehub.feedback.FeedbackInbox;

/**
 * Takes the comments each account received since the newest one taken (kept in MongoDB), oldest first, as
 * Feedback on the item of the post they answer, with the commenter's uid. The cursor moves only after the
 * comments are stored, and each comment is stored under its id, so a restart neither misses nor repeats one.
 * Called by the route {@code weibo-comments}.
 */
@Component("weiboComments")
class WeiboComments {

    static final int PAGE = 50;
    static final int MAX_PAGES = 20;
    private static final Logger log = LoggerFactory.getLogger(WeiboComments.class);
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.US);

    private final WeiboProperties properties;
    private final WeiboApi api;
    private final WeiboPosts posts;
    private final FeedbackInbox feedback;
    private final SubscriberDirectory subscribers;
    private final Clock clock;

    WeiboComments(WeiboProperties properties, WeiboApi api, WeiboPosts posts, FeedbackInbox feedback,
                  SubscriberDirectory subscribers, Clock clock) {
        this.properties = properties;
        this.api = api;
        this.posts = posts;
        this.feedback = feedback;
        this.subscribers = subscribers;
        this.clock = clock;
    }

    public void poll() {
        properties.accounts().forEach((name, account) -> {
            try {
                poll(name, account);
            } catch (IOException e) {
                log.warn("Weibo comments of {} not fetched: {}", name, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void poll(String name, WeiboProperties.Account account) throws IOException, InterruptedException {
        String since = posts.commentCursor(name);
        List<JsonNode> fetched = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            WeiboApi.Answer answer = api.commentsToMe(account, since, page, PAGE);
            if (!answer.ok()) {
                log.warn("Weibo comments of {}: error {}", name, answer.errorCode());
                return;
            }
            JsonNode comments = answer.body().path("comments");
            comments.forEach(fetched::add);
            if (comments.size() < PAGE) {
                break;
            }
        }
        fetched.sort(Comparator.comparing(c -> number(id(c))));
        String newest = since;
        for (JsonNode comment : fetched) {
            String id = id(comment);
            if (id == null) {
                log.debug("Weibo comment without an id skipped");
                continue;
            }
            take(name, id, comment);
            if (number(id).compareTo(number(newest)) > 0) {
                newest = id;
            }
        }
        if (!newest.equals(since)) {
            posts.advanceCommentCursor(name, newest);
        }
    }

    private void take(String name, String id, JsonNode comment) {
        String text = comment.path("text").asText("").strip();
        String uid = id(comment.path("user"));
        if (comment.path("deleted").asText("0").equals("1") || text.isEmpty() || uid == null) {
            log.info("Weibo comment {} skipped: deleted or without text or author", id);
            return;
        }
        String itemId = posts.itemOf(name, id(comment.path("status"))).orElse(null);
        feedback.record(new Feedback("weibo:" + name + ":" + id, itemId, ChannelKind.WEIBO.code(),
                subscribers.idOf(ChannelKind.WEIBO, uid).orElse(null), uid, text,
                createdAt(comment.path("created_at").asText(null)), clock.instant()));
    }

    private static String id(JsonNode node) {
        return WeiboIds.of(node, "idstr", "mid", "id");
    }

    private static BigInteger number(String id) {
        return id == null || !id.matches("\\d{1,20}") ? BigInteger.ZERO : new BigInteger(id);
    }

    private static Instant createdAt(String value) {
        try {
            return value == null ? null : ZonedDateTime.parse(value, CREATED_AT).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
