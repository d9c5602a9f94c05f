package org.sunshinehub.dispatch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.sunshinehub.ratelimit.Lease;
import org.sunshinehub.ratelimit.SharedBuckets;

/**
 * A channel's provider rate, {@code qps} per provider account: one budget for the account shared by every instance
 * on the database (a {@link Lease} of a shared bucket), and requests spaced evenly here so the few tokens a lease
 * brings do not leave at once. {@link #acquire()} is the budget of an adapter that names no account.
 */
final class RateLimiter implements Throttle {

    static final String NO_ACCOUNT = "-";

    private final String channel;
    private final double qps;
    private final SharedBuckets buckets;
    private final Map<String, Throttle> accounts = new ConcurrentHashMap<>();

    RateLimiter(String channel, double qps, SharedBuckets buckets) {
        this.channel = channel;
        this.qps = qps;
        this.buckets = buckets;
    }

    @Override
    public void acquire() {
        forAccount(NO_ACCOUNT).acquire();
    }

    @Override
    public Throttle forAccount(String account) {
        return accounts.computeIfAbsent(account, a -> {
            Spacing local = new Spacing(qps);
            Lease shared = buckets.rate(channel, a, qps);
            return () -> {
                local.acquire();
                shared.acquire();
            };
        });
    }

    /** Spaces requests evenly at {@code qps} across all threads of this instance that share it. */
    private static final class Spacing {

        private final long intervalNanos;
        private long nextFree = System.nanoTime();

        Spacing(double qps) {
            this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / qps);
        }

        void acquire() {
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
}
