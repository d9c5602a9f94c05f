package org.sunshinehub.channel.weibo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sunshinehub.support.SharedStore;

/** An account's hourly posting slots, taken by two instances on one database over the real driver. */
class WeiboPostsIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private final SharedStore store = new SharedStore();

    @AfterEach
    void stopStore() {
        store.close();
    }

    @Test
    void twoInstancesPostingAtOnceTakeNoMoreThanTheHoursSlotsBetweenThem() throws Exception {
        // Given two instances and an account that may post 30 times an hour, with a comment cursor already kept
        List<WeiboPosts> instances = List.of(new WeiboPosts(store.first()),
                new WeiboPosts(store.second()));
        instances.get(0).advanceCommentCursor("gov", "42");
        AtomicInteger taken = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        // When eight threads, four per instance, each try to post 10 times within the same minute
        List<CompletableFuture<Void>> posting = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            WeiboPosts posts = instances.get(t % 2);
            int thread = t;
            posting.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 10; i++) {
                    if (posts.takeSlot("gov", 30, NOW.plusMillis(thread * 100 + i)).isEmpty()) {
                        taken.incrementAndGet();
                    }
                }
            }, threads));
        }
        CompletableFuture.allOf(posting.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        threads.shutdown();
        // Then exactly 30 slots were taken, the next frees an hour after the first, and the cursor is kept
        assertThat(taken).hasValue(30);
        Optional<Instant> next = instances.get(1).takeSlot("gov", 30, NOW.plusSeconds(60));
        assertThat(next).hasValueSatisfying(at -> assertThat(at).isBetween(NOW.plus(Duration.ofHours(1)),
                NOW.plus(Duration.ofHours(1)).plusSeconds(1)));
        assertThat(instances.get(1).commentCursor("gov")).isEqualTo("42");
    }

    @Test
    void aRefusedPostGivesItsSlotBackAndOnlyItsOwn() {
        // Given an account that may post twice an hour and has posted twice at the same instant
        WeiboPosts posts = new WeiboPosts(store.first());
        assertThat(posts.takeSlot("gov", 2, NOW)).isEmpty();
        assertThat(posts.takeSlot("gov", 2, NOW)).isEmpty();
        assertThat(posts.takeSlot("gov", 2, NOW)).isPresent();
        // When Weibo refused one of them
        posts.releaseSlot("gov", NOW);
        // Then one slot is free again, not two
        assertThat(posts.takeSlot("gov", 2, NOW.plusSeconds(1))).isEmpty();
        assertThat(posts.takeSlot("gov", 2, NOW.plusSeconds(2))).isPresent();
    }

    @Test
    void slotsFreeUpAnHourAfterTheirPosts() {
        // Given an account that may post once an hour and just did
        WeiboPosts posts = new WeiboPosts(store.first());
        assertThat(posts.takeSlot("gov", 1, NOW)).isEmpty();
        // When it asks again within the hour, and after it
        // Then it waits until the hour is over, and may post after that
        assertThat(posts.takeSlot("gov", 1, NOW.plusSeconds(1800))).contains(NOW.plus(Duration.ofHours(1)));
        assertThat(posts.takeSlot("gov", 1, NOW.plus(Duration.ofHours(1)).plusMillis(1))).isEmpty();
    }
}
