package org.sunshinehub.dispatch;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, so retries of many blocks after an outage do not arrive together. */
final class Backoff {

    private Backoff() {
    }

    /** @param attempt the attempt that just failed, from 1 */
    static Duration after(int attempt, Duration initial, Duration max) {
        long exponential = initial.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(exponential, max.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
