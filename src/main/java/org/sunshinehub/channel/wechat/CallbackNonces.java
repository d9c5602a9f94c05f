package org.sunshinehub.channel.wechat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.sunshinehub.storage.BatchedWrites;

/**
 * {@code wechatCallbackNonces}: each (account, timestamp, nonce) a signed plain callback came with, and the SHA-256
 * of its body. In plain and compatible mode the signature does not cover the body, so the same pair with another
 * body is a captured signature carrying a forged message; the same pair with the same body is WeChat's own retry.
 * (An encrypted callback's {@code msg_signature} covers its body: those are not recorded here.)
 * Timestamps outside the callback window are refused before this, so entries older than twice the window are
 * dead and purged (a scan, at most once per window; mongo-java-server has no TTL index).
 */
@Component
class CallbackNonces {

    private final MongoCollection<Document> nonces;
    private final BatchedWrites writes;
    private final Duration window;
    private final Clock clock;
    private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);

    CallbackNonces(MongoDatabase database, WechatProperties properties, Clock clock) {
        this.nonces = database.getCollection("wechatCallbackNonces");
        this.writes = new BatchedWrites(nonces);
        nonces.createIndex(Indexes.ascending("at"), new IndexOptions().name("at"));
        this.window = properties.callbackWindow();
        this.clock = clock;
    }

    /** @return false when this timestamp and nonce came before with another body */
    boolean admit(String account, String timestamp, String nonce, String body) {
        purgeIfDue();
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        String id = account + ":" + timestamp + ":" + nonce;
        String hash = sha256(body);
        if (writes.insertIfAbsent(new Document("_id", id).append("bodyHash", hash)
                .append("at", Date.from(Instant.ofEpochSecond(seconds))))) {
            return true;
        }
        Document seen = nonces.find(Filters.eq("_id", id)).first();
        return seen != null && hash.equals(seen.getString("bodyHash"));
    }

    private void purgeIfDue() {
        Instant now = clock.instant();
        Instant due = nextPurge.get();
        if (now.isAfter(due) && nextPurge.compareAndSet(due, now.plus(window))) {
            nonces.deleteMany(Filters.lt("at", Date.from(now.minus(window.multipliedBy(2)))));
        }
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
