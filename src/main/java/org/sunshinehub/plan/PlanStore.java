package org.sunshinehub.plan;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.sunshinehub.dispatch.OverCap;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.sunshinehub.audience.AudienceSpec;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.storage.MongoErrors;
import org.sunshinehub.storage.Sequences;

/** The {@code plans} collection; changes are conditional on {@code version}. */
@Component
class PlanStore {

    private final MongoCollection<Document> plans;
    private final Sequences sequences;

    PlanStore(MongoDatabase database, Sequences sequences) {
        this.plans = database.getCollection("plans");
        this.sequences = sequences;
        plans.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
        plans.createIndex(Indexes.ascending("state"), new IndexOptions().name("state"));
        plans.createIndex(Indexes.ascending("itemId"), new IndexOptions().name("item"));
    }

    /** @return false when a plan with this id exists already */
    boolean insert(PushPlan plan) {
        return MongoErrors.insertIfAbsent(plans, toDocument(plan));
    }

    Optional<PushPlan> find(String id) {
        return Optional.ofNullable(plans.find(Filters.eq("_id", id)).first()).map(PlanStore::of);
    }

    boolean replaceIfUnchanged(PushPlan updated) {
        return plans.replaceOne(new Document("_id", updated.id()).append("version", updated.version() - 1),
                toDocument(updated)).getModifiedCount() == 1;
    }

    List<PushPlan> inState(PushPlan.State... states) {
        return plans.find(Filters.in("state", java.util.Arrays.stream(states).map(Enum::name).toList()))
                .map(PlanStore::of).into(new ArrayList<>());
    }

    /** The ids of scheduled plans whose time has come, oldest first. */
    List<String> dueBy(java.time.Instant now) {
        return plans.find(Filters.and(Filters.eq("state", PushPlan.State.SCHEDULED.name()),
                        Filters.lte("sendAt", Date.from(now)))).sort(new Document("sendAt", 1)).limit(100)
                .map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    /** The newest plans, for the console's list. */
    List<PushPlan> recent(int limit) {
        return plans.find().sort(new Document("createdAt", -1)).limit(limit).map(PlanStore::of).into(new ArrayList<>());
    }

    List<PushPlan> ofItem(String itemId) {
        return plans.find(Filters.eq("itemId", itemId)).sort(new Document("createdAt", -1)).map(PlanStore::of)
                .into(new ArrayList<>());
    }

    /** 1000–9999, then round again: the newest plan with a code wins when replies are linked. */
    String nextReplyCode() {
        return String.valueOf(1000 + sequences.next("replyCode") % 9000);
    }

    private static Document toDocument(PushPlan p) {
        Document moves = new Document();
        p.moves().forEach((state, at) -> moves.append(state.name(), Date.from(at)));
        Document skipped = new Document();
        p.skipped().forEach((channel, skip) -> skipped.append(channel.code(),
                new Document("count", skip.count()).append("reason", skip.reason())));
        return new Document("_id", p.id()).append("itemId", p.itemId())
                .append("channels", p.channels().stream().map(ChannelKind::code).toList())
                .append("audience", p.audience().toDocument())
                .append("sendAt", Date.from(p.sendAt())).append("urgent", p.urgent())
                .append("broadcast", p.broadcast()).append("fallback", p.fallback())
                .append("overCap", p.overCap().code()).append("resend", p.resend()).append("state", p.state().name())
                .append("replyCode", p.replyCode()).append("purpose", p.purpose())
                .append("createdAt", Date.from(p.createdAt())).append("moves", moves).append("skipped", skipped)
                .append("cancelledBecause", p.cancelledBecause()).append("version", p.version());
    }

    private static PushPlan of(Document d) {
        Map<PushPlan.State, Instant> moves = new EnumMap<>(PushPlan.State.class);
        d.get("moves", new Document()).forEach((state, at) -> moves.put(PushPlan.State.valueOf(state),
                ((Date) at).toInstant()));
        moves.putIfAbsent(PushPlan.State.SCHEDULED, d.getDate("createdAt").toInstant());
        Map<ChannelKind, PushPlan.Skip> skipped = new EnumMap<>(ChannelKind.class);
        d.get("skipped", new Document()).forEach((channel, skip) -> skipped.put(ChannelKind.of(channel),
                new PushPlan.Skip(((Document) skip).get("count", Number.class).longValue(),
                        ((Document) skip).getString("reason"))));
        return new PushPlan(d.getString("_id"), d.getString("itemId"),
                d.getList("channels", String.class).stream().map(ChannelKind::of).toList(),
                AudienceSpec.fromDocument(d.get("audience", Document.class)),
                d.getDate("sendAt").toInstant(), d.getBoolean("urgent"),
                d.getBoolean("broadcast", false), d.getBoolean("fallback", false),
                d.getString("overCap") == null ? OverCap.DEFER : OverCap.of(d.getString("overCap")),
                d.getBoolean("resend", false), PushPlan.State.valueOf(d.getString("state")),
                d.getString("replyCode"), d.getString("purpose"), moves, skipped, d.getString("cancelledBecause"),
                d.get("version", Number.class).longValue());
    }
}
