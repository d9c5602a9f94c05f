package org.sunshinehub.ratelimit;

import com.mongodb.MongoException;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens drawn from a shared bucket into this instance, a few at a time. One lease per provider account per
 * instance, shared by all its threads; {@link SharedBuckets#lease} makes one. While the store cannot be reached,
 * {@link #acquire()} waits (sends are delayed, never let through unbudgeted and never failed for it).
 */
public final class Lease {

    private static final Logger log = LoggerFactory.getLogger(Lease.class);
    /** While waiting for the shared bucket, look again at least this often (another instance may give up). */
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** While the store is out, ask it again after this, doubled up to {@link #MAX_OUTAGE_PARK_NANOS}. */
    private static final long FIRST_OUTAGE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_OUTAGE_PARK_NANOS = TimeUnit.SECONDS.toNanos(5);

    /**
     * One thread at a time waits for the shared bucket, the others queue in order: an unfair lock could leave a
     * worker waiting so long that its block's lease runs out and another instance sends the block too.
     */
    private final ReentrantLock turn = new ReentrantLock(true);
    private final String key;
    private final Bucket shared;
    private final int size;
    private final long holdNanos;
    private long tokens;
    private long drawnAt;
    private long outagePark;

    Lease(String key, Bucket shared, int size, Duration hold) {
        if (size < 1 || hold.isNegative() || hold.isZero()) {
            throw new IllegalArgumentException("a lease needs size >= 1 and a positive hold");
        }
        this.key = key;
        this.shared = shared;
        this.size = size;
        this.holdNanos = hold.toNanos();
    }

    /** Takes one token if this instance holds one or the shared bucket has some now; never waits. */
    public boolean tryAcquire() {
        turn.lock();
        try {
            return takeHeld() || draw() > 0;
        } catch (MongoException e) {
            storeOut(e);
            return false;
        } finally {
            turn.unlock();
        }
    }

    /**
     * Blocks until one token is this caller's: when this instance holds none, it waits until the shared bucket
     * has a whole lease again, so a draw takes about a lease. An interrupt
     * does not cut the wait short (that would send unbudgeted); it is kept for the caller.
     */
    public void acquire() {
        boolean interrupted = false;
        turn.lock();
        try {
            while (!takeHeld()) {
                long wait = drawOrWaitTime();
                if (wait == 0) {
                    return;
                }
                interrupted |= parkUninterruptibly(wait);
            }
        } finally {
            turn.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return 0 when a token was drawn, else how long to wait before asking again */
    private long drawOrWaitTime() {
        try {
            if (draw() > 0) {
                storeBack();
                return 0;
            }
            long refill = shared.estimateAbilityToConsume(size).getNanosToWaitForRefill();
            storeBack();
            return Math.min(Math.max(refill, 1), MAX_PARK_NANOS);
        } catch (MongoException e) {
            return storeOut(e);
        }
    }

    private long storeOut(MongoException e) {
        if (outagePark == 0) {
            log.warn("Rate budget {} unreachable in the store ({}): its sends wait until it answers", key,
                    e.getClass().getSimpleName());
            outagePark = FIRST_OUTAGE_PARK_NANOS;
        } else {
            outagePark = Math.min(outagePark * 2, MAX_OUTAGE_PARK_NANOS);
        }
        return outagePark;
    }

    private void storeBack() {
        if (outagePark != 0) {
            log.info("Rate budget {} reachable again", key);
            outagePark = 0;
        }
    }

    /** @return whether the thread was interrupted meanwhile */
    private static boolean parkUninterruptibly(long nanos) {
        boolean interrupted = false;
        long until = System.nanoTime() + nanos;
        long left;
        while ((left = until - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            interrupted |= Thread.interrupted();
        }
        return interrupted;
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
