package org.sunshinehub.opiniontask;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Service;

/** Opinion tasks as the console shows them: what is due when, and what is late. */
@Service
public class OpinionTaskBoard {

    private final OpinionTaskStore store;
    private final Clock clock;

    OpinionTaskBoard(OpinionTaskStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record DeadlineView(String name, Instant due, String state, long minutesLeft) {
    }

    public record TaskView(String id, String code, String title, String severity, String state, String division,
                           boolean overdue, List<DeadlineView> deadlines) {
    }

    /** The newest tasks (up to 200), each deadline with its minutes left (negative once passed). */
    public List<TaskView> tasks() {
        Instant now = clock.instant();
        return store.tasks(null).stream().map(t -> view(t, now)).toList();
    }

    private static TaskView view(Document t, Instant now) {
        List<DeadlineView> deadlines = t.getList("deadlines", Document.class).stream().map(d -> new DeadlineView(
                d.getString("name"), d.getDate("due").toInstant(), d.getString("state"),
                Duration.between(now, d.getDate("due").toInstant()).toMinutes())).toList();
        return new TaskView(t.getString("_id"), t.getString("code"), t.getString("title"), t.getString("severity"),
                t.getString("state"), t.getString("division"), t.getBoolean("overdue", false), deadlines);
    }
}
