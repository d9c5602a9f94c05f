package org.sunshinehub.channel.wechat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.storage.MongoErrors;

/**
 * {@code wechatMassAllowance}: which items each follower has had by mass send (群发) in the current period, since
 * WeChat delivers no more than 4 a month to a follower of a service account (服务号) and 1 a day to one of a
 * subscription account (订阅号) and drops the rest without telling us. A follower's item is counted once however
 * often its block is retried, and the check and the count are one conditional upsert, so concurrent blocks cannot
 * overrun the allowance.
 */
@Component
class MassAllowance {

    private final MongoCollection<Document> allowances;

    MassAllowance(MongoDatabase database) {
        this.allowances = database.getCollection("wechatMassAllowance");
    }

    /** @return the positions in {@code openIds} that have used up their allowance and were not counted */
    Set<Integer> admit(String account, WechatProperties.AccountKind kind, List<String> openIds, String itemId,
                       Instant now) {
        String period = kind.period(now);
        List<WriteModel<Document>> writes = new ArrayList<>(openIds.size());
        for (String openId : openIds) {
            writes.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", account + ":" + openId + ":" + period),
                    Filters.or(Filters.eq("items", itemId), Filters.exists("items." + (kind.allowance() - 1), false))),
                    Updates.addToSet("items", itemId), new UpdateOptions().upsert(true)));
        }
        return MongoErrors.bulkWriteCollisions(allowances, writes);
    }

    /** When the next period starts, for a subscription account's follower who must wait for it. */
    static Instant nextPeriod(WechatProperties.AccountKind kind, Instant now) {
        LocalDate today = now.atZone(SunshineHubApplication.ZONE).toLocalDate();
        LocalDate next = kind == WechatProperties.AccountKind.SUBSCRIPTION ? today.plusDays(1)
                : today.with(TemporalAdjusters.firstDayOfNextMonth());
        return next.atTime(8, 0).atZone(SunshineHubApplication.ZONE).toInstant();
    }
}
