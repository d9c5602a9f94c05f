package org.sunshinehub.channel.wechat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.bson.Document;
import org.sunshinehub.storage.MongoErrors;

/**
 * WxJava's configuration for one account with the access token kept in MongoDB ({@code wechatTokens}), so every
 * worker and every hub instance uses one token, and refreshes it under one lock: a local lock for this
 * instance's threads and a short lease in the token's document for the others. Fetching a new token invalidates
 * the old one at WeChat, so two refreshers would knock each other's tokens out (a token storm).
 */
final class SharedAccessToken extends WxMpDefaultConfigImpl {

    /** Refresh this long before WeChat's expiry, so a token is never used in its last minutes. */
    static final Duration MARGIN = Duration.ofMinutes(5);
    private static final Duration LEASE = Duration.ofSeconds(15);

    private final transient MongoCollection<Document> tokens;
    private final String id;
    private final transient Clock clock;
    private final transient Lock lock;
    private transient volatile Token cached;

    SharedAccessToken(MongoCollection<Document> tokens, String account, Clock clock) {
        this.tokens = tokens;
        this.id = account;
        this.clock = clock;
        this.lock = new LeaseLock();
        MongoErrors.insertIfAbsent(tokens, new Document("_id", account));
    }

    /** A token and when to stop using it. */
    private record Token(String value, Instant expiresAt) {
    }

    /**
     * The token as last read or refreshed here. WxJava asks for it twice per API call; MongoDB is read again only
     * when it has run out or was found invalid.
     */
    private Token current() {
        Token t = cached;
        if (t != null && clock.instant().isBefore(t.expiresAt())) {
            return t;
        }
        Document d = tokens.find(Filters.eq("_id", id)).first();
        t = d == null || d.getString("token") == null || d.getDate("expiresAt") == null ? null
                : new Token(d.getString("token"), d.getDate("expiresAt").toInstant());
        cached = t;
        return t;
    }

    @Override
    public String getAccessToken() {
        Token t = current();
        return t == null ? null : t.value();
    }

    @Override
    public boolean isAccessTokenExpired() {
        Token t = current();
        return t == null || !clock.instant().isBefore(t.expiresAt());
    }

    @Override
    public synchronized void updateAccessToken(String accessToken, int expiresInSeconds) {
        Instant expires = clock.instant().plusSeconds(expiresInSeconds).minus(MARGIN);
        tokens.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("token", accessToken),
                Updates.set("expiresAt", Date.from(expires)), Updates.inc("refreshes", 1)));
        cached = new Token(accessToken, expires);
    }

    /** WeChat refused the token: expire it — unless another instance has already put a newer one in its place. */
    @Override
    public void expireAccessToken() {
        Token t = cached;
        cached = null;
        if (t != null) {
            tokens.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("token", t.value())),
                    Updates.set("expiresAt", new Date(0)));
        }
    }

    @Override
    public Lock getAccessTokenLock() {
        return lock;
    }

    /** This instance's threads queue on a local lock; its holder then takes the cross-instance lease. */
    private final class LeaseLock implements Lock {

        private final ReentrantLock local = new ReentrantLock();
        private final String owner = UUID.randomUUID().toString();

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(time);
            if (!local.tryLock(time, unit)) {
                return false;
            }
            if (local.getHoldCount() > 1) {
                return true;
            }
            do {
                if (lease()) {
                    return true;
                }
                Thread.sleep(20);
            } while (System.nanoTime() < deadline);
            local.unlock();
            return false;
        }

        @Override
        public void lock() {
            try {
                lockInterruptibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the access-token lease", e);
            }
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            while (!tryLock(LEASE.toMillis(), TimeUnit.MILLISECONDS)) {
                // another instance holds the lease; it expires by itself if that instance died
            }
        }

        @Override
        public boolean tryLock() {
            try {
                return tryLock(0, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void unlock() {
            if (local.getHoldCount() == 1) {
                tokens.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("leaseOwner", owner)),
                        Updates.unset("leaseOwner"));
            }
            local.unlock();
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("the access-token lock has no conditions");
        }

        private boolean lease() {
            Instant now = clock.instant();
            Document taken = tokens.findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.or(
                            Filters.exists("leaseOwner", false), Filters.eq("leaseOwner", owner),
                            Filters.lt("leaseUntil", Date.from(now)))),
                    Updates.combine(Updates.set("leaseOwner", owner), Updates.set("leaseUntil", Date.from(now.plus(LEASE)))),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            return taken != null;
        }
    }
}
