package org.sunshinehub.channel.wechat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.storage.MongoErrors;

/**
 * {@code wechatMassAllowance}: which items each follower has had by mass send (群发) this month, since WeChat
 * delivers no more than 4 a month to a follower of a service account (服务号) and drops the rest without telling
 * us. A follower's item is counted once however often its block is retried, and the check and the count are one
 * conditional upsert, so concurrent blocks cannot overrun the allowance.
 */
@Component
class MassAllowance {

    static final int PER_MONTH = 4;

    private final MongoCollection<Document> allowances;

    MassAllowance(MongoDatabase database) {
        this.allowances = database.getCollection("wechatMassAllowance");
    }

    /** @return the positions in {@code openIds} that have used up this month's allowance and were not counted */
    Set<Integer> admit(String account, List<String> openIds, String itemId, Instant now) {
        List<WriteModel<Document>> writes = new ArrayList<>(openIds.size());
        for (String openId : openIds) {
            writes.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", id(account, openId, now)),
                    Filters.or(Filters.eq("items", itemId), Filters.exists("items." + (PER_MONTH - 1), false))),
                    Updates.addToSet("items", itemId), new UpdateOptions().upsert(true)));
        }
        return MongoErrors.bulkWriteCollisions(allowances, writes);
    }

    /** Gives back a count for an item that went to the follower some other way after all. */
    void release(String account, String openId, String itemId, Instant now) {
        allowances.updateOne(Filters.eq("_id", id(account, openId, now)), Updates.pull("items", itemId));
    }

    private static String id(String account, String openId, Instant at) {
        return account + ":" + openId + ":" + YearMonth.from(at.atZone(SunshineHubApplication.ZONE));
    }
}
