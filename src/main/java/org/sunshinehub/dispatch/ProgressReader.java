package org.sunshinehub.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Turns a queue into the progress staff see. */
@Component
class ProgressReader {

    private final DispatchProperties properties;
    private final Clock clock;

    ProgressReader(DispatchProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    PushProgress of(DispatchQueue q) {
        Instant now = clock.instant();
        Map<DeliveryState, Long> counts = q.nonZeroCounts();
        Instant quietUntil = q.job().urgent() || q.state() == QueueState.COMPLETED ? null
                : QuietHours.parse(properties.channel(q.channel()).quietHours()).flatMap(h -> h.endIfInside(now))
                        .orElse(null);
        return new PushProgress(q.channel(), q.state().name(), q.progress().streamed(), q.progress().produced(),
                counts, q.deferred(), q.digestsOpen(), q.fallbacksOpen(), q.fellBack(), quietUntil, q.fannedOutAt(),
                q.completedAt(), expectedEnd(q, now));
    }

    /** At the rate of sending so far; unknown before the first message or when nothing is left to send. */
    private static Instant expectedEnd(DispatchQueue q, Instant now) {
        long pending = q.count(DeliveryState.PENDING);
        long done = q.progress().produced() - pending;
        if (pending == 0 || done <= 0 || q.state() == QueueState.FANNING_OUT) {
            return null;
        }
        Duration elapsed = Duration.between(q.createdAt(), now);
        return now.plusMillis(elapsed.toMillis() * pending / done);
    }
}
