package org.sunshinehub.ratelimit;

import com.mongodb.client.MongoDatabase;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.sunshinehub.text.Fingerprints;

/**
 * Token buckets whose tokens every instance on this database draws from. Each call of a {@link Bucket} from
 * {@link #bucket} is a read and a guarded write in MongoDB; for many requests a second, use a {@link #lease}.
 * The buckets run on the instances' wall clocks (keep them in NTP sync). A bucket's configuration is fixed when
 * it is first created: put the limit in the key (e.g. {@code sms:aliyun:10qps}) so a changed limit starts afresh.
 */
@Component
public class SharedBuckets {

    /** A bucket left alone until it is full again is forgotten a minute later (it would start full anyway). */
    private static final Duration KEEP_FULL_BUCKETS = Duration.ofMinutes(1);

    private final MongoBucketStore store;

    @Autowired
    SharedBuckets(MongoDatabase database) {
        this(database, TimeMeter.SYSTEM_MILLISECONDS);
    }

    SharedBuckets(MongoDatabase database, TimeMeter wallClock) {
        this.store = new MongoBucketStore(database, ClientSideConfig.getDefault()
                .withClientClock(wallClock)
                .withExpirationAfterWriteStrategy(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL_BUCKETS)));
    }

    /** The bucket named {@code key}, created with {@code configuration} if no instance has used it yet. */
    public Bucket bucket(String key, BucketConfiguration configuration) {
        return store.builder().build(key, () -> configuration);
    }

    /**
     * A local fast path over the shared bucket {@code key}: it draws up to {@code size} tokens at once and spends
     * them here, and drops those it has not spent after {@code hold}, so tokens held by one instance cannot
     * gather into a burst later (and an instance that dies loses at most {@code size} tokens of the budget).
     */
    public Lease lease(String key, BucketConfiguration configuration, int size, Duration hold) {
        return new Lease(key, bucket(key, configuration), size, hold);
    }

    /**
     * One provider account's rate as a budget every instance on this database draws from: {@code perSecond}
     * requests a second in all, drawn a tenth of a second's worth at a time (one compare-and-swap per draw). The
     * bucket is {@code name:<hash of account>:<rate>/s}: the account (an access key id, an appid) is not stored.
     */
    public Lease rate(String name, String account, double perSecond) {
        LeaseSizing sizing = new LeaseSizing(perSecond);
        return lease(sizing.key(name + ":" + Fingerprints.sha256Hex(account, 6)), sizing.configuration(), sizing.size(),
                sizing.hold());
    }

}
