package org.sunshinehub.ratelimit;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Wall-clock time the test moves by hand. */
final class ManualClock implements TimeMeter {

    private final AtomicLong nanos = new AtomicLong(TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()));

    void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
