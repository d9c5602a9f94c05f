package org.sunshinehub.ingest;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Date;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * {@code sourceCursors}: how far a polled source has been read ({@code _id} = the source's name), so a restart
 * resumes where it stopped. Routes call it by name: {@code sourceCursors.get('cms')},
 * {@code sourceCursors.advance('cms', value)}.
 */
@Component("sourceCursors")
class SourceCursors {

    private final MongoCollection<Document> cursors;
    private final Clock clock;

    SourceCursors(MongoDatabase database, Clock clock) {
        this.cursors = database.getCollection("sourceCursors");
        this.clock = clock;
    }

    /** @return the cursor, or {@code initial} before the first item is taken */
    public String get(String source, String initial) {
        Document cursor = cursors.find(Filters.eq("_id", source)).first();
        return cursor == null ? initial : cursor.getString("value");
    }

    /**
     * Moves the cursor forward, never back (a page can repeat the newest item already taken). Numbers compare as
     * numbers, anything else (ISO timestamps of one format) as text; an empty value changes nothing.
     */
    public void advance(String source, Object value) {
        String next = value == null ? "" : value.toString().strip();
        if (next.isEmpty() || "null".equals(next)) {
            return;
        }
        String current = get(source, null);
        if (current == null || isAfter(next, current)) {
            cursors.updateOne(Filters.eq("_id", source), Updates.combine(Updates.set("value", next),
                    Updates.set("updatedAt", Date.from(clock.instant()))), new UpdateOptions().upsert(true));
        }
    }

    static boolean isAfter(String next, String current) {
        try {
            return new BigDecimal(next).compareTo(new BigDecimal(current)) > 0;
        } catch (NumberFormatException notNumbers) {
            return next.compareTo(current) > 0;
        }
    }
}
