package org.sunshinehub.dispatch;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.storage.MongoErrors;

/**
 * {@code capCounters}: how many non-urgent messages each citizen got on each channel on each Beijing day, one
 * small document per channel, citizen and day, read by {@code _id}.
 */
@Component
class CapCounters {

    private final MongoCollection<Document> counters;

    CapCounters(MongoDatabase database) {
        this.counters = database.getCollection("capCounters");
    }

    /**
     * Counts one more message of today for each citizen still under the cap, in one step per citizen that no
     * other worker can interleave with: the increment is conditional on {@code n < cap}, and its upsert collides
     * with the existing document of a citizen at the cap.
     *
     * @return the positions in {@code subscriberIds} that are at the cap and were not counted
     */
    Set<Integer> admit(ChannelKind channel, List<String> subscriberIds, int cap, Instant now) {
        List<WriteModel<Document>> writes = new ArrayList<>(subscriberIds.size());
        for (String s : subscriberIds) {
            writes.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", id(channel, s, now)), Filters.lt("n", cap)),
                    increment(now), new UpdateOptions().upsert(true)));
        }
        return MongoErrors.bulkWriteCollisions(counters, writes);
    }

    /** Counts a message that goes whatever the cap (a digest) on the day of {@code at}. */
    void count(ChannelKind channel, String subscriberId, Instant at) {
        counters.updateOne(Filters.eq("_id", id(channel, subscriberId, at)), increment(at), new UpdateOptions().upsert(true));
    }

    private static Bson increment(Instant at) {
        return Updates.combine(Updates.inc("n", 1), Updates.setOnInsert("day", day(at).toString()));
    }

    static LocalDate day(Instant at) {
        return at.atZone(SunshineHubApplication.ZONE).toLocalDate();
    }

    private static String id(ChannelKind channel, String subscriberId, Instant at) {
        return channel.code() + ":" + subscriberId + ":" + day(at);
    }
}
