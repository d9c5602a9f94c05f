package org.sunshinehub.feedback;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.sunshinehub.storage.BatchedWrites;

/** The {@code feedback} collection: stored once per source key, whatever the provider repeats. */
@Service
public class FeedbackInbox {

    private static final Logger log = LoggerFactory.getLogger(FeedbackInbox.class);

    private final MongoCollection<Document> feedback;
    private final BatchedWrites writes;
    private final List<FeedbackGate> gates;

    FeedbackInbox(MongoDatabase database, List<FeedbackGate> gates) {
        this.gates = gates;
        this.feedback = database.getCollection("feedback");
        this.writes = new BatchedWrites(feedback);
        feedback.createIndex(Indexes.ascending("itemId", "receivedAt"), new IndexOptions().name("item_received"));
        feedback.createIndex(Indexes.ascending("answeredAt"), new IndexOptions().name("answered"));
    }

    /** What became of a piece of feedback. */
    public enum Outcome { STORED, REPEAT, REFUSED }

    /** @return the outcome, and for a refusal the reason the citizen should be told */
    public Recorded record(Feedback f) {
        return recordAll(List.of(f)).get(0);
    }

    /**
     * {@link #record} for each, in order: the ones no gate refuses are stored together (one batch, shared with
     * other callers'), so a provider's push of many replies costs a round trip, not one each.
     */
    public List<Recorded> recordAll(List<Feedback> all) {
        List<Recorded> outcomes = new ArrayList<>(java.util.Collections.nCopies(all.size(), null));
        List<Integer> stored = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Optional<String> refusal = refusal(all.get(i));
            if (refusal.isPresent()) {
                outcomes.set(i, new Recorded(Outcome.REFUSED, refusal.get()));
            } else {
                stored.add(i);
            }
        }
        List<Boolean> created = writes.insertAllIfAbsent(stored.stream().map(i -> toDocument(all.get(i))).toList());
        for (int j = 0; j < stored.size(); j++) {
            Feedback f = all.get(stored.get(j));
            if (created.get(j)) {
                // Debug: under a hot topic thousands a second arrive; the console and metrics count them.
                log.debug("Feedback on {} for item {} ({} chars)", f.channel(), f.itemId(), f.text().length());
            }
            outcomes.set(stored.get(j), new Recorded(created.get(j) ? Outcome.STORED : Outcome.REPEAT, null));
        }
        return outcomes;
    }

    private Optional<String> refusal(Feedback f) {
        if (f.itemId() == null) {
            return Optional.empty();
        }
        return gates.stream().map(gate -> gate.refusal(f.itemId(), f.receivedAt())).flatMap(Optional::stream)
                .findFirst();
    }

    public record Recorded(Outcome outcome, String reason) {
    }

    /** Staff's 采纳 mark on one opinion about an item. */
    public enum Adoption { ADOPTED, PARTLY, NOT_ADOPTED }

    /** @return false when there is no such feedback on that item */
    public boolean mark(String feedbackId, String itemId, Adoption adoption, String reason) {
        return feedback.updateOne(Filters.and(Filters.eq("_id", feedbackId), Filters.eq("itemId", itemId)),
                com.mongodb.client.model.Updates.combine(com.mongodb.client.model.Updates.set("adoption", adoption.name()),
                        com.mongodb.client.model.Updates.set("adoptionReason", reason))).getMatchedCount() == 1;
    }

    Optional<Feedback> find(String id) {
        return Optional.ofNullable(feedback.find(Filters.eq("_id", id)).first()).map(FeedbackInbox::of);
    }

    void recordAnswer(String id, String text, java.time.Instant at) {
        feedback.updateOne(Filters.eq("_id", id), com.mongodb.client.model.Updates.combine(
                com.mongodb.client.model.Updates.set("answer", text),
                com.mongodb.client.model.Updates.set("answeredAt", Date.from(at))));
    }

    public long countFor(String itemId) {
        return feedback.countDocuments(Filters.eq("itemId", itemId));
    }

    /** Feedback no one has answered yet (answers come with the channels that carry them back). */
    public long countAwaitingAnswer() {
        return feedback.countDocuments(Filters.exists("answeredAt", false));
    }

    /** All feedback on an item, as documents (with marks), streamed by the caller. */
    public Iterable<Document> ofItem(String itemId) {
        return feedback.find(Filters.eq("itemId", itemId)).sort(new Document("receivedAt", 1));
    }

    List<Feedback> find(Bson filter, int page, int size) {
        return feedback.find(filter).sort(new Document("receivedAt", -1)).skip(page * size).limit(size)
                .map(FeedbackInbox::of).into(new ArrayList<>());
    }

    /** Feedback with what became of it, for the console's inbox. */
    record Entry(Feedback feedback, String answer, java.time.Instant answeredAt, boolean handled, String adoption) {
    }

    List<Entry> entries(Bson filter, int page, int size) {
        return feedback.find(filter).sort(new Document("receivedAt", -1)).skip(page * size).limit(size)
                .map(d -> new Entry(of(d), d.getString("answer"),
                        d.getDate("answeredAt") == null ? null : d.getDate("answeredAt").toInstant(),
                        d.getBoolean("handled", false), d.getString("adoption")))
                .into(new ArrayList<>());
    }

    /** Settled without an answer on the channel (e.g. answered by phone, or the channel cannot carry one). */
    void markHandled(String id, java.time.Instant at) {
        feedback.updateOne(Filters.eq("_id", id), com.mongodb.client.model.Updates.combine(
                com.mongodb.client.model.Updates.set("handled", true),
                com.mongodb.client.model.Updates.set("answeredAt", Date.from(at))));
    }

    static Bson answered(Bson filter, Boolean answered) {
        return answered == null ? filter : Filters.and(filter, Filters.exists("answeredAt", answered));
    }

    long count(Bson filter) {
        return feedback.countDocuments(filter);
    }

    static Bson filter(String itemId, String channel, Date since) {
        List<Bson> conditions = new ArrayList<>();
        if (itemId != null) {
            conditions.add(Filters.eq("itemId", itemId));
        }
        if (channel != null) {
            conditions.add(Filters.eq("channel", channel));
        }
        if (since != null) {
            conditions.add(Filters.gte("receivedAt", since));
        }
        return conditions.isEmpty() ? new Document() : Filters.and(conditions);
    }

    private static Document toDocument(Feedback f) {
        return new Document("_id", f.sourceKey()).append("itemId", f.itemId()).append("channel", f.channel())
                .append("subscriberId", f.subscriberId()).append("address", f.address()).append("text", f.text())
                .append("sentAt", f.sentAt() == null ? null : Date.from(f.sentAt()))
                .append("receivedAt", Date.from(f.receivedAt()));
    }

    private static Feedback of(Document d) {
        Date sentAt = d.getDate("sentAt");
        return new Feedback(d.getString("_id"), d.getString("itemId"), d.getString("channel"),
                d.getString("subscriberId"), d.getString("address"), d.getString("text"),
                sentAt == null ? null : sentAt.toInstant(), d.getDate("receivedAt").toInstant());
    }
}
