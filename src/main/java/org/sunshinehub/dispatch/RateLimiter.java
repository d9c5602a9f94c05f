package org.sunshinehub.dispatch;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Spaces requests evenly at {@code qps} across all threads that share it. */
final class RateLimiter implements Throttle {

    private final long intervalNanos;
    private long nextFree = System.nanoTime();

    RateLimiter(double qps) {
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / qps);
    }

    @Override
    public void acquire() {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, nextFree);
            nextFree = slot + intervalNanos;
        }
        long wait;
        while ((wait = slot - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
