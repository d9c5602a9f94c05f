package org.sunshinehub.opiniontask;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * {@code sunshine_opinion_tasks{state}} (OPEN, ACKNOWLEDGED, RESPONDED) and {@code sunshine_opinion_tasks_overdue}:
 * tasks not yet responded to that missed a deadline (marked by the escalation, or past due before it fires). Read
 * from a snapshot at most every {@link #SNAPSHOT_AGE}.
 */
@Component
class OpinionTaskMeters {

    static final Duration SNAPSHOT_AGE = Duration.ofSeconds(30);
    private static final List<String> STATES = List.of("OPEN", "ACKNOWLEDGED", "RESPONDED");
    private static final String OVERDUE = "overdue";

    private final OpinionTaskStore store;
    private final Clock clock;
    private Map<String, Long> snapshot;
    private long snapshotAt;

    OpinionTaskMeters(MeterRegistry meters, OpinionTaskStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        for (String state : STATES) {
            Gauge.builder("sunshine.opinion.tasks", this, m -> m.count(state)).tag("state", state)
                    .description("opinion tasks by state").register(meters);
        }
        Gauge.builder("sunshine.opinion.tasks.overdue", this, m -> m.count(OVERDUE))
                .description("opinion tasks not yet responded to that missed a deadline").register(meters);
    }

    private synchronized double count(String key) {
        long now = System.nanoTime();
        if (snapshot == null || now - snapshotAt > SNAPSHOT_AGE.toNanos()) {
            snapshot = read();
            snapshotAt = now;
        }
        return snapshot.getOrDefault(key, 0L);
    }

    private Map<String, Long> read() {
        Map<String, Long> counts = new HashMap<>();
        Date now = Date.from(clock.instant());
        for (Document task : store.statesAndDeadlines()) {
            String state = task.getString("state");
            counts.merge(state, 1L, Long::sum);
            if (!"RESPONDED".equals(state) && (task.getBoolean(OVERDUE, false) || pastDue(task, now))) {
                counts.merge(OVERDUE, 1L, Long::sum);
            }
        }
        return counts;
    }

    private static boolean pastDue(Document task, Date now) {
        return task.getList("deadlines", Document.class, List.of()).stream()
                .anyMatch(d -> "OPEN".equals(d.getString("state")) && d.getDate("due").before(now));
    }
}
