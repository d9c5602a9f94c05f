package org.sunshinehub.ingest;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.sunshinehub.content.ItemKind;
import org.sunshinehub.storage.MongoErrors;
import org.sunshinehub.text.Fingerprints;

/**
 * {@code intakeRejects}: one document per refused payload. The id is a digest of route, kind and payload, so a
 * source that sends the same bad record again (a page read twice) adds nothing.
 */
@Component
class IntakeRejects {

    static final int MAX_PAYLOAD = 64 * 1024;

    private final MongoCollection<Document> rejects;
    private final IntakeMeters meters;
    private final Clock clock;

    IntakeRejects(MongoDatabase database, IntakeMeters meters, Clock clock) {
        this.meters = meters;
        this.rejects = database.getCollection("intakeRejects");
        this.clock = clock;
    }

    IntakeReject add(String route, String source, ItemKind kind, String payload, Map<String, String> errors) {
        String id = Fingerprints.sha256Hex(route + '\n' + kind + '\n' + payload, 12);
        boolean truncated = payload.length() > MAX_PAYLOAD;
        Document reject = new Document("_id", id).append("route", route).append("source", source)
                .append("kind", kind == null ? null : kind.name())
                .append("payload", truncated ? payload.substring(0, MAX_PAYLOAD) : payload)
                .append("truncated", truncated).append("errors", errors(errors))
                .append("receivedAt", Date.from(clock.instant())).append("state", IntakeReject.State.OPEN.name());
        if (MongoErrors.insertIfAbsent(rejects, reject)) {
            meters.rejected(source);
        }
        return find(id).orElseThrow();
    }

    Optional<IntakeReject> find(String id) {
        return Optional.ofNullable(rejects.find(Filters.eq("_id", id)).first()).map(IntakeRejects::reject);
    }

    /** Newest first; the collection stays small (staff clear it), so a sorted scan is fine. */
    List<IntakeReject> page(IntakeReject.State state, int page, int size) {
        return rejects.find(filter(state)).sort(new Document("receivedAt", -1)).skip(page * size).limit(size)
                .map(IntakeRejects::reject).into(new ArrayList<>());
    }

    long count(IntakeReject.State state) {
        return rejects.countDocuments(filter(state));
    }

    /** OPEN → RESUBMITTED, once: a second resubmission finds it done. */
    boolean markResubmitted(String id, String itemId) {
        return rejects.updateOne(new Document("_id", id).append("state", IntakeReject.State.OPEN.name()),
                Updates.combine(Updates.set("state", IntakeReject.State.RESUBMITTED.name()),
                        Updates.set("itemId", itemId), Updates.set("resubmittedAt", Date.from(clock.instant()))))
                .getModifiedCount() == 1;
    }

    private static Bson filter(IntakeReject.State state) {
        return state == null ? new Document() : Filters.eq("state", state.name());
    }

    private static IntakeReject reject(Document d) {
        Map<String, String> errors = new LinkedHashMap<>();
        d.getList("errors", Document.class).forEach(e -> errors.put(e.getString("field"), e.getString("reason")));
        String kind = d.getString("kind");
        Date resubmittedAt = d.getDate("resubmittedAt");
        return new IntakeReject(d.getString("_id"), d.getString("route"), d.getString("source"),
                kind == null ? null : ItemKind.valueOf(kind), d.getString("payload"), d.getBoolean("truncated", false),
                errors, d.getDate("receivedAt").toInstant(), IntakeReject.State.valueOf(d.getString("state")),
                d.getString("itemId"), resubmittedAt == null ? null : resubmittedAt.toInstant());
    }

    /** A list, not a sub-document: a field name such as {@code $} (the whole payload) is no valid key. */
    private static List<Document> errors(Map<String, String> errors) {
        return errors.entrySet().stream()
                .map(e -> new Document("field", e.getKey()).append("reason", e.getValue())).toList();
    }

}
