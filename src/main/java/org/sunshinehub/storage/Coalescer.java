package org.sunshinehub.storage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * Many threads' single operations run as a few batch operations: a caller queues its input, and whichever caller
 * finds a free slot (at most {@code parallel} batches in flight) runs one batch of what is queued at that moment,
 * oldest first. Each caller returns when the batch holding its input has returned, with its own outcome. No timer
 * and no thread of its own: a lone caller runs a batch of one at once, and under load the callers that arrive
 * while batches are in flight form the next one, so a store's round trip and sync are shared, never waited for.
 *
 * @param <I> one caller's input
 * @param <O> one caller's result
 */
public final class Coalescer<I, O> {

    /** One batch operation: settles every call it is given (a call it leaves open fails). */
    @FunctionalInterface
    public interface Batch<I, O> {
        void run(List<Call<I, O>> calls);
    }

    /** One caller's input and, once the batch has settled it, its outcome. */
    public static final class Call<I, O> {

        private final I input;
        /** Volatile: a waiting caller may read it while the batch runs; written after the outcome it publishes. */
        private volatile boolean done;
        private O result;
        private RuntimeException failure;

        private Call(I input) {
            this.input = input;
        }

        public I input() {
            return input;
        }

        public void succeed(O value) {
            if (!done) {
                result = value;
                done = true;
            }
        }

        public void fail(RuntimeException e) {
            if (!done) {
                failure = e;
                done = true;
            }
        }

        private O outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }

    private final Batch<I, O> batch;
    private final int maxBatch;
    private final int parallel;
    private final Object lock = new Object();
    private final Queue<Call<I, O>> queued = new ArrayDeque<>();
    private int inFlight;

    /**
     * @param maxBatch inputs per batch at most
     * @param parallel batches in flight at once at most
     */
    public Coalescer(Batch<I, O> batch, int maxBatch, int parallel) {
        if (maxBatch < 1 || parallel < 1) {
            throw new IllegalArgumentException("maxBatch and parallel must be positive");
        }
        this.batch = batch;
        this.maxBatch = maxBatch;
        this.parallel = parallel;
    }

    /**
     * Runs {@code input} in a batch and returns its result. Waits for the outcome even when interrupted (the
     * interrupt is kept): once queued, the input may be written, so the caller must learn whether it was.
     *
     * @throws RuntimeException what the batch failed this input with
     */
    public O call(I input) {
        return callAll(List.of(input)).get(0);
    }

    /**
     * Runs every input in the batches that come (with other callers' inputs) and returns their results in order.
     * Waits for all of them, as {@link #call} does for one.
     *
     * @throws RuntimeException the first failure among them, once every one has an outcome
     */
    public List<O> callAll(List<I> inputs) {
        List<Call<I, O>> mine = inputs.stream().map(input -> new Call<I, O>(input)).toList();
        boolean interrupted = false;
        try {
            synchronized (lock) {
                queued.addAll(mine);
            }
            while (true) {
                List<Call<I, O>> next = new ArrayList<>();
                synchronized (lock) {
                    while (!settled(mine) && (inFlight == parallel || queued.isEmpty())) {
                        try {
                            lock.wait();
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                    if (settled(mine)) {
                        List<O> results = new ArrayList<>(mine.size());
                        for (Call<I, O> c : mine) {
                            results.add(c.outcome());
                        }
                        return results;
                    }
                    while (next.size() < maxBatch && !queued.isEmpty()) {
                        next.add(queued.poll());
                    }
                    inFlight++;
                }
                run(next);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean settled(List<? extends Call<?, ?>> calls) {
        for (Call<?, ?> c : calls) {
            if (!c.done) {
                return false;
            }
        }
        return true;
    }

    private void run(List<Call<I, O>> calls) {
        try {
            batch.run(calls);
        } catch (RuntimeException e) {
            calls.forEach(c -> c.fail(e));
        } finally {
            if (calls.stream().anyMatch(c -> !c.done)) {
                IllegalStateException unsettled = new IllegalStateException("the batch gave this input no outcome");
                calls.forEach(c -> c.fail(unsettled));
            }
            synchronized (lock) {
                inFlight--;
                lock.notifyAll();
            }
        }
    }
}
