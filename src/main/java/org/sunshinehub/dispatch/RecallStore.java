package org.sunshinehub.dispatch;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.sunshinehub.channelkind.ChannelKind;

/**
 * {@code recalls}: what each provider said when asked to take back one of its messages, keyed by channel and
 * provider id, so a repeated recall asks only about the messages whose withdrawal failed.
 */
@Component
class RecallStore {

    private final MongoCollection<Document> recalls;

    RecallStore(MongoDatabase database) {
        this.recalls = database.getCollection("recalls");
    }

    /** The provider's settled answer (withdrawn, or cannot be); empty when never asked or it failed. */
    Optional<RecallOutcome> settled(ChannelKind channel, String providerId) {
        return Optional.ofNullable(recalls.find(Filters.eq("_id", id(channel, providerId))).first())
                .map(d -> new RecallOutcome(RecallOutcome.Kind.valueOf(d.getString("outcome")), d.getString("reason")))
                .filter(o -> o.kind() != RecallOutcome.Kind.FAILED);
    }

    void save(String itemId, ChannelKind channel, String providerId, RecallOutcome outcome, Instant at) {
        Document d = new Document("_id", id(channel, providerId)).append("item", itemId).append("channel", channel.code())
                .append("providerId", providerId).append("outcome", outcome.kind().name())
                .append("reason", outcome.reason()).append("at", Date.from(at));
        recalls.replaceOne(Filters.eq("_id", d.getString("_id")), d, new ReplaceOptions().upsert(true));
    }

    private static String id(ChannelKind channel, String providerId) {
        return channel.code() + ":" + providerId;
    }
}
