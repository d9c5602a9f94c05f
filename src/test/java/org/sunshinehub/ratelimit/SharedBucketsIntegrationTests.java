package org.sunshinehub.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sunshinehub.support.SharedStore;

/** Buckets shared through the embedded store over the real driver, as two instances on one database would. */
class SharedBucketsIntegrationTests {

    private final ManualClock clock = new ManualClock();
    private SharedStore store;
    private MongoDatabase first;
    private MongoDatabase second;

    @BeforeEach
    void startStore() {
        store = new SharedStore();
        first = store.first();
        second = store.second();
    }

    @AfterEach
    void stopStore() {
        store.close();
    }

    @Test
    void instancesDrawingAtOnceNeverSpendMoreThanTheBucketHolds() throws Exception {
        // Given two instances on one database, a bucket of 60 and a clock that does not move
        BucketConfiguration sixtyAnHour = perPeriod(60, Duration.ofHours(1));
        List<Bucket> views = List.of(buckets(first).bucket("sms:test", sixtyAnHour),
                buckets(second).bucket("sms:test", sixtyAnHour));
        AtomicInteger granted = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        // When eight threads, four per instance, each ask 20 times
        List<CompletableFuture<Void>> asking = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Bucket view = views.get(t % 2);
            asking.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 20; i++) {
                    if (view.tryConsume(1)) {
                        granted.incrementAndGet();
                    }
                }
            }, threads));
        }
        CompletableFuture.allOf(asking.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        threads.shutdown();
        // Then exactly the 60 tokens were handed out, none twice
        assertThat(granted).hasValue(60);
        assertThat(views.get(1).getAvailableTokens()).isZero();
    }

    @Test
    void aSpentBucketRefillsByTheClockUpToItsRate() {
        // Given a bucket of 5 a second, spent by the first instance
        BucketConfiguration fivePerSecond = perPeriod(5, Duration.ofSeconds(1));
        Bucket bucket = buckets(first).bucket("wechat:test", fivePerSecond);
        assertThat(bucket.tryConsume(5)).isTrue();
        assertThat(bucket.tryConsume(1)).isFalse();
        // When a second passes
        clock.advance(Duration.ofSeconds(1));
        // Then the other instance finds 5 tokens, not more
        Bucket other = buckets(second).bucket("wechat:test", fivePerSecond);
        assertThat(other.tryConsume(5)).isTrue();
        assertThat(other.tryConsume(1)).isFalse();
    }

    @Test
    void leasesDrawAFewTokensAtATimeAndTogetherNeverMoreThanTheBucket() {
        // Given a bucket of 10 and a lease of up to 4 on each instance
        BucketConfiguration ten = perPeriod(10, Duration.ofHours(1));
        Lease one = buckets(first).lease("jpush:test", ten, 4, Duration.ofMinutes(1));
        Lease two = buckets(second).lease("jpush:test", ten, 4, Duration.ofMinutes(1));
        Bucket shared = buckets(first).bucket("jpush:test", ten);
        // When the first instance takes one token
        assertThat(one.tryAcquire()).isTrue();
        // Then it has drawn 4 from the shared bucket, and both instances together get exactly 10
        assertThat(shared.getAvailableTokens()).isEqualTo(6);
        int granted = 1;
        boolean any = true;
        while (any) {
            any = false;
            for (Lease lease : List.of(one, two)) {
                if (lease.tryAcquire()) {
                    granted++;
                    any = true;
                }
            }
        }
        assertThat(granted).isEqualTo(10);
    }

    @Test
    void aLeaseDropsTheTokensItHeldTooLong() {
        // Given a lease that may hold drawn tokens for no time at all
        BucketConfiguration ten = perPeriod(10, Duration.ofHours(1));
        Lease lease = buckets(first).lease("weibo:test", ten, 4, Duration.ofNanos(1));
        // When it takes two tokens
        assertThat(lease.tryAcquire()).isTrue();
        assertThat(lease.tryAcquire()).isTrue();
        // Then it drew twice from the shared bucket: the three it held after the first had expired
        assertThat(buckets(second).bucket("weibo:test", ten).getAvailableTokens()).isEqualTo(2);
    }

    @Test
    void acquireWaitsUntilTheSharedBucketRefills() {
        // Given a real clock and a bucket of 2 every 100 ms
        SharedBuckets wallClock = new SharedBuckets(first, TimeMeter.SYSTEM_MILLISECONDS);
        Lease lease = wallClock.lease("sms:wait", perPeriod(2, Duration.ofMillis(100)), 2, Duration.ofSeconds(1));
        AtomicInteger acquired = new AtomicInteger();
        // When one thread acquires 6 tokens, more than the bucket holds
        CompletableFuture<Void> asking = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 6; i++) {
                lease.acquire();
                acquired.incrementAndGet();
            }
        });
        // Then it gets them all once the bucket has refilled, and the bucket's state is in rateBuckets
        await().atMost(Duration.ofSeconds(20)).until(asking::isDone);
        assertThat(acquired).hasValue(6);
        Document stored = first.getCollection("rateBuckets").find(new Document("_id", "sms:wait")).first();
        assertThat(stored.getLong("version")).isGreaterThan(1);
        assertThat(stored.getDate("expiresAt")).isAfter(new Date(System.currentTimeMillis() - 1_000));
    }

    @Test
    void eachProviderAccountIsOneBudgetForEveryInstanceAndTheAccountIsNotStored() {
        // Given two instances on one database, each with the SMS budget of two access keys at 20 a second
        Lease firstKey = buckets(first).rate("sms", "LTAI-first-key", 20);
        Lease firstKeyElsewhere = buckets(second).rate("sms", "LTAI-first-key", 20);
        Lease secondKey = buckets(second).rate("sms", "LTAI-second-key", 20);
        // When the first instance spends the first key's lease (a bucket of 2, the clock standing still)
        assertThat(firstKey.tryAcquire()).isTrue();
        assertThat(firstKey.tryAcquire()).isTrue();
        // Then the other instance finds that key's budget spent, but not the other key's
        assertThat(firstKeyElsewhere.tryAcquire()).isFalse();
        assertThat(secondKey.tryAcquire()).isTrue();
        // And the buckets are named by the channel, a hash of the key and the rate, never by the key itself
        List<String> ids = first.getCollection("rateBuckets").find()
                .map(d -> d.getString("_id")).into(new ArrayList<>());
        assertThat(ids).hasSize(2).allMatch(id -> id.matches("sms:[0-9a-f]{12}:20/s")).noneMatch(id -> id.contains("LTAI"));
    }

    @Test
    void aStoreOutageDelaysAcquireUntilTheStoreAnswersAgain() throws Exception {
        // Given an instance whose driver gives up on an unreachable store after 200 ms, its lease (of one) spent
        int port = store.port();
        try (MongoClient impatient = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(200, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(200, TimeUnit.MILLISECONDS)).build())) {
            Lease lease = new SharedBuckets(impatient.getDatabase("sunshine"), TimeMeter.SYSTEM_MILLISECONDS)
                    .rate("sms", "outage", 5);
            lease.acquire();
            // When the store goes away and a sender asks for a token
            store.stop();
            CompletableFuture<Void> asking = CompletableFuture.runAsync(lease::acquire);
            // Then the sender waits as long as the store is out (no token without the shared budget, no error)
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> !asking.isDone());
            // And gets its token once the store is back
            store.restart();
            await().atMost(Duration.ofSeconds(30)).until(asking::isDone);
            assertThat(asking).isCompleted();
        }
    }

    private SharedBuckets buckets(MongoDatabase database) {
        return new SharedBuckets(database, clock);
    }

    private static BucketConfiguration perPeriod(int tokens, Duration period) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(tokens).refillGreedy(tokens, period))
                .build();
    }
}
