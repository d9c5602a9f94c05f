package org.sunshinehub.opiniontask;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.sunshinehub.storage.MongoErrors;
import org.sunshinehub.storage.Sequences;

/**
 * {@code opinionTasks} (one per OPINION_TASK item, {@code _id} = the item's id) and {@code opinionTaskTimers}
 * (assignment notices, reminders and escalations, {@code _id} = task:deadline:point, so creating them twice
 * creates nothing).
 */
@Component
class OpinionTaskStore {

    private final MongoCollection<Document> tasks;
    private final MongoCollection<Document> timers;
    private final Sequences sequences;

    OpinionTaskStore(MongoDatabase database, Sequences sequences) {
        this.sequences = sequences;
        this.tasks = database.getCollection("opinionTasks");
        this.timers = database.getCollection("opinionTaskTimers");
        timers.createIndex(Indexes.ascending("state", "dueAt"), new IndexOptions().name("state_due"));
        timers.createIndex(Indexes.ascending("_id", "state"), new IndexOptions().unique(true).name("id_state"));
    }

    boolean insertTask(Document task) {
        return MongoErrors.insertIfAbsent(tasks, task);
    }

    Optional<Document> task(String id) {
        return Optional.ofNullable(tasks.find(Filters.eq("_id", id)).first());
    }

    /** Task codes are few and the collection small: a scan is fine here. */
    Optional<Document> byCode(String code) {
        return Optional.ofNullable(tasks.find(Filters.eq("code", code)).first());
    }

    List<Document> tasks(String state) {
        return tasks.find(state == null ? new Document() : Filters.eq("state", state))
                .sort(new Document("base", -1)).limit(200).into(new ArrayList<>());
    }

    /** Every task's state, overdue mark and deadlines: for the gauges (a small collection, read every 30 s). */
    List<Document> statesAndDeadlines() {
        return tasks.find().projection(new Document("state", 1).append("overdue", 1).append("deadlines", 1))
                .into(new ArrayList<>());
    }

    void updateTask(String id, Bson update) {
        tasks.updateOne(Filters.eq("_id", id), update);
    }

    void insertTimer(Document timer) {
        MongoErrors.insertIfAbsent(timers, timer);
    }

    /** Timers due now, and timers whose firing instance died (lease passed). */
    List<String> dueTimers(Instant now) {
        Date at = Date.from(now);
        return timers.find(Filters.or(Filters.and(Filters.eq("state", "SCHEDULED"), Filters.lte("dueAt", at)),
                        Filters.and(Filters.eq("state", "FIRING"), Filters.lte("leaseUntil", at))))
                .map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    /** Takes a timer to fire: a compare-and-set, so a timer fires once whatever the number of instances. */
    Optional<Document> takeTimer(String id, String from, Instant leaseUntil) {
        return Optional.ofNullable(timers.findOneAndUpdate(new Document("_id", id).append("state", from),
                Updates.combine(Updates.set("state", "FIRING"), Updates.set("leaseUntil", Date.from(leaseUntil))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    void settleTimer(String id, String state, String reason) {
        timers.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", state), Updates.set("reason", reason)));
    }

    void rescheduleTimer(String id, Instant dueAt, String reason) {
        timers.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", "SCHEDULED"),
                Updates.set("dueAt", Date.from(dueAt)), Updates.set("reason", reason)));
    }

    String nextCode() {
        return "R" + (1000 + sequences.next("opinionTaskCode"));
    }
}
