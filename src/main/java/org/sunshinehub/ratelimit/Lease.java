package org.sunshinehub.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Tokens drawn from a shared bucket into this instance, a few at a time. One lease per provider account per
 * instance, shared by all its threads; {@link SharedBuckets#lease} makes one.
 */
public final class Lease {

    /** While waiting for the shared bucket, look again at least this often (another instance may give up). */
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Bucket shared;
    private final int size;
    private final long holdNanos;
    private long tokens;
    private long drawnAt;

    Lease(Bucket shared, int size, Duration hold) {
        if (size < 1 || hold.isNegative() || hold.isZero()) {
            throw new IllegalArgumentException("a lease needs size >= 1 and a positive hold");
        }
        this.shared = shared;
        this.size = size;
        this.holdNanos = hold.toNanos();
    }

    /** Takes one token if this instance holds one or the shared bucket has some now; never waits. */
    public synchronized boolean tryAcquire() {
        return takeHeld() || draw() > 0;
    }

    /** Blocks until one token is this caller's. */
    public synchronized void acquire() {
        while (!takeHeld()) {
            if (draw() > 0) {
                return;
            }
            ConsumptionProbe probe = shared.tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                return;
            }
            LockSupport.parkNanos(Math.min(Math.max(probe.getNanosToWaitForRefill(), 1), MAX_PARK_NANOS));
        }
    }

    private boolean takeHeld() {
        if (tokens > 0 && System.nanoTime() - drawnAt < holdNanos) {
            tokens--;
            return true;
        }
        tokens = 0;
        return false;
    }

    /** @return the tokens drawn, one of them already spent by the caller */
    private long draw() {
        long drawn = shared.tryConsumeAsMuchAsPossible(size);
        if (drawn > 0) {
            tokens = drawn - 1;
            drawnAt = System.nanoTime();
        }
        return drawn;
    }
}
