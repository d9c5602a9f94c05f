package org.sunshinehub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoalescerUnitTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    /** Doubles each input; the first batch waits for {@code release} so that others queue behind it. */
    private Coalescer<Integer, Integer> doubling(CountDownLatch release, int maxBatch, int parallel) {
        return new Coalescer<>(calls -> {
            batches.add(calls.stream().map(Coalescer.Call::input).toList());
            if (batches.size() == 1) {
                awaitQuietly(release);
            }
            calls.forEach(c -> c.succeed(c.input() * 2));
        }, maxBatch, parallel);
    }

    @Test
    void givenNoOtherCallerWhenOneCallsThenItsBatchOfOneRunsAtOnce() {
        Coalescer<Integer, Integer> coalescer = doubling(new CountDownLatch(0), 10, 1);

        assertThat(coalescer.call(21)).isEqualTo(42);
        assertThat(batches).containsExactly(List.of(21));
    }

    @Test
    void givenABatchInFlightWhenOneCallsWithSeveralInputsThenTheyJoinTheQueuedBatchesAndComeBackInOrder()
            throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Coalescer<Integer, Integer> coalescer = doubling(release, 3, 1);
        Future<Integer> first = callers.submit(() -> coalescer.call(0));
        await().atMost(PATIENCE).until(() -> batches.size() == 1);
        Future<List<Integer>> several = callers.submit(() -> coalescer.callAll(List.of(1, 2, 3, 4)));
        release.countDown();

        assertThat(several.get(30, TimeUnit.SECONDS)).containsExactly(2, 4, 6, 8);
        assertThat(first.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(batches).hasSize(3).allMatch(b -> b.size() <= 3);
        assertThat(coalescer.callAll(List.of())).isEmpty();
    }

    @Test
    void givenABatchInFlightWhenOthersCallThenTheyFormOneNextBatchAndEachGetsItsOwnResult() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Coalescer<Integer, Integer> coalescer = doubling(release, 100, 1);
        Future<Integer> first = callers.submit(() -> coalescer.call(0));
        await().atMost(PATIENCE).until(() -> batches.size() == 1);
        List<Future<Integer>> queued = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            int input = i;
            queued.add(callers.submit(() -> coalescer.call(input)));
        }
        awaitWaiting(21);

        release.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isZero();
        for (int i = 0; i < queued.size(); i++) {
            assertThat(queued.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(2 * (i + 1));
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
    }

    @Test
    void givenMoreQueuedThanABatchHoldsThenBatchesAreCappedAndNoMoreThanParallelRunAtOnce() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Map<Integer, Integer> sizes = new ConcurrentHashMap<>();
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(calls -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            sizes.merge(calls.size(), 1, Integer::sum);
            sleepQuietly(5);
            calls.forEach(c -> c.succeed(c.input()));
            running.decrementAndGet();
        }, 8, 2);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int input = i;
            results.add(callers.submit(() -> coalescer.call(input)));
        }

        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
        }
        assertThat(mostAtOnce.get()).isBetween(1, 2);
        assertThat(sizes.keySet()).allMatch(size -> size <= 8);
    }

    @Test
    void givenOneInputFailsThenOnlyItsCallerSeesTheFailure() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Coalescer<Integer, Integer> coalescer = new Coalescer<>(calls -> {
            batches.add(calls.stream().map(Coalescer.Call::input).toList());
            if (batches.size() == 1) {
                awaitQuietly(release);
            }
            calls.forEach(c -> {
                if (c.input() == 13) {
                    c.fail(new IllegalArgumentException("unlucky"));
                } else {
                    c.succeed(c.input());
                }
            });
        }, 10, 1);
        callers.submit(() -> coalescer.call(0));
        await().atMost(PATIENCE).until(() -> batches.size() == 1);
        Future<Integer> unlucky = callers.submit(() -> coalescer.call(13));
        Future<Integer> lucky = callers.submit(() -> coalescer.call(14));
        awaitWaiting(3);

        release.countDown();

        assertThat(lucky.get(30, TimeUnit.SECONDS)).isEqualTo(14);
        assertThatThrownBy(() -> unlucky.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenTheBatchThrowsOrSettlesNothingThenEveryCallerInItFails() {
        Coalescer<Integer, Integer> throwing = new Coalescer<>(calls -> {
            throw new IllegalStateException("store down");
        }, 10, 1);
        Coalescer<Integer, Integer> silent = new Coalescer<>(calls -> { }, 10, 1);

        assertThatThrownBy(() -> throwing.call(1)).isInstanceOf(IllegalStateException.class).hasMessage("store down");
        assertThatThrownBy(() -> silent.call(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no outcome");
        // and the coalescer still serves the next caller
        assertThatThrownBy(() -> throwing.call(2)).hasMessage("store down");
    }

    @Test
    void givenACallerIsInterruptedWhileWaitingThenItStillLearnsItsOutcomeAndKeepsTheInterrupt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Coalescer<Integer, Integer> coalescer = doubling(release, 10, 1);
        callers.submit(() -> coalescer.call(0));
        await().atMost(PATIENCE).until(() -> batches.size() == 1);
        AtomicReference<String> outcome = new AtomicReference<>();
        Thread waiter = new Thread(() -> outcome.set(coalescer.call(5) + " interrupted=" + Thread.interrupted()));
        waiter.start();
        awaitWaiting(2);

        waiter.interrupt();
        release.countDown();

        waiter.join(30_000);
        assertThat(outcome.get()).isEqualTo("10 interrupted=true");
        assertThat(batches.get(1)).containsExactly(5);
    }

    private void awaitWaiting(int threads) {
        await().atMost(PATIENCE).until(() -> Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getState() == Thread.State.WAITING)
                .filter(e -> java.util.Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getClassName().equals(Coalescer.class.getName())))
                .count() >= threads);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
