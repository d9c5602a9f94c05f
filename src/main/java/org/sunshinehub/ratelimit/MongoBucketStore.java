package org.sunshinehub.ratelimit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The buckets' state in {@code rateBuckets}: {@code {_id: key, state: bytes, version: n, expiresAt}}. A change is
 * an update guarded by the exact {@code {_id, version}} it read (a unique index on both, so the embedded server
 * finds it by key too) or, for a new bucket, an insert that loses to a concurrent one on the duplicate key.
 */
final class MongoBucketStore extends AbstractCompareAndSwapBasedProxyManager<String> {

    /** Full buckets expire: real MongoDB drops them by TTL index; the embedded server needs the sweep below. */
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    private final MongoCollection<Document> buckets;
    private final AtomicLong nextSweepNanos = new AtomicLong(System.nanoTime());

    MongoBucketStore(MongoDatabase database, ClientSideConfig config) {
        super(config);
        this.buckets = database.getCollection("rateBuckets");
        buckets.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
        buckets.createIndex(Indexes.ascending("expiresAt"),
                new IndexOptions().expireAfter(0L, TimeUnit.SECONDS).name("expires"));
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            private long version;

            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                Document stored = buckets.find(Filters.eq("_id", key)).first();
                if (stored == null) {
                    return Optional.empty();
                }
                version = stored.get("version", Number.class).longValue();
                return Optional.of(stored.get("state", Binary.class).getData());
            }

            @Override
            public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                    Optional<Long> timeoutNanos) {
                Date expiresAt = expiresAt(newState);
                return originalData == null ? insert(key, newData, expiresAt) : update(key, version, newData, expiresAt);
            }
        };
    }

    private boolean insert(String key, byte[] state, Date expiresAt) {
        sweepNowAndThen();
        try {
            buckets.insertOne(new Document("_id", key).append("state", new Binary(state)).append("version", 1L)
                    .append("expiresAt", expiresAt));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private boolean update(String key, long version, byte[] state, Date expiresAt) {
        Document guard = new Document("_id", key).append("version", version);
        return buckets.updateOne(guard, Updates.combine(Updates.set("state", new Binary(state)),
                Updates.set("version", version + 1), Updates.set("expiresAt", expiresAt))).getModifiedCount() == 1;
    }

    private Date expiresAt(RemoteBucketState state) {
        long now = currentTimeNanos();
        long ttlMillis = getClientSideConfig().getExpirationAfterWriteStrategy().orElseThrow()
                .calculateTimeToLiveMillis(state, now);
        return new Date(TimeUnit.NANOSECONDS.toMillis(now) + ttlMillis);
    }

    /** A scan of a small collection, at most every ten minutes and only when buckets are being created. */
    private void sweepNowAndThen() {
        long due = nextSweepNanos.get();
        if (System.nanoTime() - due >= 0 && nextSweepNanos.compareAndSet(due, System.nanoTime() + SWEEP_EVERY.toNanos())) {
            buckets.deleteMany(Filters.lt("expiresAt", new Date(TimeUnit.NANOSECONDS.toMillis(currentTimeNanos()))));
        }
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("synchronous driver");
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    public void removeProxy(String key) {
        buckets.deleteOne(Filters.eq("_id", key));
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        throw new UnsupportedOperationException("synchronous driver");
    }
}
