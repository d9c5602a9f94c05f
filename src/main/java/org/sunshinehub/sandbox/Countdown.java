package org.sunshinehub.sandbox;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/** A fault for the next few calls: armed with a value (an error code, a delay) and how many calls it hits. */
final class Countdown {

    private final AtomicInteger left = new AtomicInteger();
    private volatile long value;

    void arm(long value, int times) {
        this.value = value;
        left.set(times);
    }

    /** The value, if this call is one of those still to be hit. */
    OptionalLong take() {
        return left.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? OptionalLong.of(value) : OptionalLong.empty();
    }
}
