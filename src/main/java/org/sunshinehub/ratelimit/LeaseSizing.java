package org.sunshinehub.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * How a provider account's rate becomes a shared bucket and the leases drawn from it. A lease is a tenth of a
 * second's budget, so a busy account costs about ten compare-and-swaps a second whatever its rate; the bucket holds
 * no more than one lease, so the budget saved up while idle is one lease, not a second's worth.
 *
 * @param perSecond the account's requests per second, across every instance
 */
record LeaseSizing(double perSecond) {

    /** The budget one lease carries. */
    static final Duration LEASE_SPAN = Duration.ofMillis(100);
    private static final int MAX_SIZE = 100;
    private static final Duration MIN_HOLD = Duration.ofMillis(100);
    private static final Duration MAX_HOLD = Duration.ofSeconds(1);

    LeaseSizing {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("a rate must be positive and finite: " + perSecond);
        }
    }

    /** Tokens one draw takes: a tenth of a second's budget, at least one. */
    int size() {
        return (int) Math.max(1, Math.min(MAX_SIZE, Math.floor(perSecond * LEASE_SPAN.toNanos() / 1e9)));
    }

    /**
     * How long drawn tokens stay this instance's: twice the time the local spacing needs to spend them, within
     * 100 ms and 1 s, so tokens cannot be saved up into a burst and an instance that dies forgets few of them.
     */
    Duration hold() {
        long nanos = (long) (2e9 * size() / perSecond);
        return Duration.ofNanos(Math.max(MIN_HOLD.toNanos(), Math.min(MAX_HOLD.toNanos(), nanos)));
    }

    /** A bucket of one lease, refilled evenly at the rate. */
    BucketConfiguration configuration() {
        int size = size();
        Duration period = Duration.ofNanos(Math.max(1, Math.round(1e9 * size / perSecond)));
        return BucketConfiguration.builder().addLimit(l -> l.capacity(size).refillGreedy(size, period)).build();
    }

    /** The bucket's key for this budget: the rate is part of it, so a changed rate starts a fresh bucket. */
    String key(String budget) {
        return budget + ":" + BigDecimal.valueOf(perSecond).stripTrailingZeros().toPlainString() + "/s";
    }
}
