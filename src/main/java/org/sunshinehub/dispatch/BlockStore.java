package org.sunshinehub.dispatch;

import static org.sunshinehub.dispatch.PackedColumns.pack;
import static org.sunshinehub.dispatch.PackedColumns.unpack;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.sunshinehub.audience.Recipient;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.storage.MongoErrors;

/**
 * {@code dispatchBlocks}, the only class that knows its field names. Blocks are read and moved by {@code _id}; the
 * unique {@code {_id, state}} index makes a guarded move an exact-key lookup on the embedded store. The manifest is
 * packed (subscriber ids, and addresses, each one string): the embedded store's cost is per BSON value, so a block of
 * 1,000 recipients as two arrays cost ~12× more to write and read than as two strings ({@code bench/probe.sh}).
 * Blocks written as arrays by an earlier version are still read.
 */
@Component
class BlockStore {


    private final MongoCollection<Document> blocks;

    BlockStore(MongoDatabase database) {
        this.blocks = database.getCollection("dispatchBlocks");
        blocks.createIndex(Indexes.ascending("_id", "state"), new IndexOptions().unique(true).name("id_state"));
        blocks.createIndex(Indexes.ascending("state", "leaseUntil"), new IndexOptions().name("state_lease"));
        // a take-over's guard, as an exact key on the embedded store
        blocks.createIndex(Indexes.ascending("_id", "state", "leaseUntil"),
                new IndexOptions().unique(true).name("id_state_lease"));
    }

    /** @return false when the block exists already (a resumed fan-out writing it again) */
    boolean insert(Block block) {
        return MongoErrors.insertIfAbsent(blocks, toDocument(block));
    }

    /** Inserts in one round trip, keeping a block that exists (a resumed fan-out writes the same block again). */
    void insertAll(List<Block> written) {
        MongoErrors.insertManyIfAbsent(blocks, written.stream().map(BlockStore::toDocument).toList());
    }

    Optional<Block> find(String id) {
        return Optional.ofNullable(blocks.find(Filters.eq("_id", id)).first()).map(BlockStore::of);
    }

    /** Takes a block for a worker: a compare-and-set on {@code {_id, state}}. */
    Optional<Block> take(String id, BlockState from, String owner, Instant leaseUntil) {
        from.checkMoveTo(BlockState.WORKING);
        return taken(new Document("_id", id).append("state", from.name()), owner, leaseUntil);
    }

    private Optional<Block> taken(Document guard, String owner, Instant leaseUntil) {
        return Optional.ofNullable(blocks.findOneAndUpdate(guard,
                Updates.combine(Updates.set("state", BlockState.WORKING.name()), Updates.set("owner", owner),
                        Updates.set("leaseUntil", Date.from(leaseUntil))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(BlockStore::of);
    }

    /**
     * Takes a block whose retry came due, or whose worker died. A block a worker holds (WORKING, SENDING) is taken
     * only once its lease has run out, by a compare-and-set on that lease: two instances that both saw it expire
     * and both scheduled it cannot both take it, and a worker that took it over already keeps it.
     */
    Optional<Block> takeOver(String id, String owner, Instant now, Instant leaseUntil) {
        Document found = blocks.find(Filters.eq("_id", id)).first();
        BlockState state = found == null ? BlockState.DONE : BlockState.valueOf(found.getString("state"));
        if (state == BlockState.DONE) {
            return Optional.empty();
        }
        if (state != BlockState.WORKING && state != BlockState.SENDING) {
            return take(id, state, owner, leaseUntil);
        }
        Date lease = found.getDate("leaseUntil");
        if (lease == null || lease.toInstant().isAfter(now)) {
            return Optional.empty();
        }
        return taken(new Document("_id", id).append("state", state.name()).append("leaseUntil", lease), owner,
                leaseUntil);
    }

    /** @return the block as it is now: SENDING, at this attempt */
    Block markSending(Block block, int attempt) {
        move(block, BlockState.SENDING, Updates.set("attempts", attempt));
        return block.moved(BlockState.SENDING, attempt);
    }

    void done(Block block, String lastError) {
        move(block, BlockState.DONE, Updates.set("lastError", lastError));
    }

    void waitForRetry(Block block, String reason, Instant at, int holds) {
        move(block, BlockState.RETRY, Updates.combine(Updates.set("lastError", reason),
                Updates.set("retryAt", Date.from(at)), Updates.set("holds", holds)));
    }

    /** Moves a block this worker holds, from the state the worker last gave it. */
    private void move(Block block, BlockState to, Bson more) {
        block.state().checkMoveTo(to);
        blocks.updateOne(new Document("_id", block.id()).append("state", block.state().name()),
                Updates.combine(Updates.set("state", to.name()), more));
    }

    /** Blocks whose worker stopped renewing: a full scan of the blocks, so the sweeper runs rarely. */
    List<String> expired(Instant now) {
        return blocks.find(Filters.and(Filters.in("state", BlockState.WORKING.name(), BlockState.SENDING.name()),
                Filters.lt("leaseUntil", Date.from(now)))).map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    /** Whether a worker holds a block of this queue now (it may be handing it to the provider): a scan, for a recall. */
    boolean anyInFlight(String queueId) {
        return blocks.find(Filters.and(Filters.eq("queue", queueId),
                Filters.in("state", BlockState.WORKING.name(), BlockState.SENDING.name()))).first() != null;
    }

    /** A broadcast's result for a whole block (e.g. WeChat's mass-send counts). */
    void setBroadcastResult(String id, Map<String, Object> result) {
        blocks.updateOne(Filters.eq("_id", id), Updates.set("broadcastResult", new Document(result)));
    }

    /** The results broadcast sends reported on a queue's blocks: a scan, asked only of broadcast plans. */
    List<Map<String, Object>> broadcastResults(String queueId) {
        List<Map<String, Object>> results = new ArrayList<>();
        blocks.find(Filters.and(Filters.eq("queue", queueId), Filters.exists("broadcastResult")))
                .forEach(b -> results.add(new LinkedHashMap<>(b.get("broadcastResult", Document.class))));
        return results;
    }

    private static Document toDocument(Block b) {
        return new Document("_id", b.id()).append("queue", b.queue()).append("number", b.number())
                .append("deliveryKey", b.deliveryKey()).append("channel", b.channel().code())
                .append("state", b.state().name()).append("attempts", b.attempts()).append("holds", b.holds())
                .append("optOutsSince", Date.from(b.optOutsSince()))
                .append("subscribers", pack(b.recipients().stream().map(Recipient::subscriberId).toList()))
                .append("addresses", pack(b.recipients().stream().map(Recipient::address).toList()))
                .append("streamedAfter", b.streamedAfter());
    }

    private static Block of(Document d) {
        List<String> subscribers = unpack(d.get("subscribers"));
        List<String> addresses = unpack(d.get("addresses"));
        List<Recipient> recipients = new ArrayList<>(subscribers.size());
        for (int i = 0; i < subscribers.size(); i++) {
            recipients.add(new Recipient(subscribers.get(i), addresses.get(i)));
        }
        return new Block(d.getString("_id"), d.getString("queue"), d.get("number", Number.class).longValue(),
                d.getString("deliveryKey"), ChannelKind.of(d.getString("channel")),
                BlockState.valueOf(d.getString("state")), d.getInteger("attempts", 0), d.getInteger("holds", 0),
                d.getDate("optOutsSince").toInstant(), recipients, d.get("streamedAfter", 0L));
    }
}
