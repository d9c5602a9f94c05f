package org.sunshinehub.channel.wechat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.sunshinehub.storage.MongoErrors;

/**
 * {@code wechatSends}: what each accepted send's {@code msgid} belongs to, so its result event
 * (TEMPLATESENDJOBFINISH, MASSSENDJOBFINISH) finds the batch and recipient by {@code _id}.
 */
@Component
class SentMessages {

    private final MongoCollection<Document> sends;

    SentMessages(MongoDatabase database) {
        this.sends = database.getCollection("wechatSends");
    }

    record Sent(String account, long msgId, String batchId, String openId) {
    }

    /** Recorded as each send is accepted, before WeChat can report its result; a repeat keeps the first. */
    void recordTemplate(Sent s, java.time.Instant at) {
        MongoErrors.insertIfAbsent(sends, new Document("_id", s.account() + ":" + s.msgId()).append("batchId", s.batchId())
                .append("openId", s.openId()).append("sentAt", Date.from(at)));
    }

    void recordMass(String account, long msgId, String batchId, int recipients, java.time.Instant at) {
        MongoErrors.insertIfAbsent(sends, new Document("_id", account + ":" + msgId).append("batchId", batchId)
                .append("mass", true).append("recipients", recipients).append("sentAt", Date.from(at)));
    }

    Optional<Document> find(String account, long msgId) {
        return Optional.ofNullable(sends.find(Filters.eq("_id", account + ":" + msgId)).first());
    }

    void recordMassResult(String account, long msgId, Map<String, Object> result) {
        sends.updateOne(Filters.eq("_id", account + ":" + msgId), Updates.set("result", new Document(result)));
    }
}
