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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.audience.ChannelKind;

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

    /** Today's count of each of these citizens (absent: none yet), by subscriber id. */
    Map<String, Integer> counts(ChannelKind channel, Collection<String> subscriberIds, Instant now) {
        List<String> ids = subscriberIds.stream().distinct().map(s -> id(channel, s, now)).toList();
        Map<String, Integer> counts = new HashMap<>();
        String prefix = channel.code() + ":";
        String suffix = ":" + day(now);
        for (int from = 0; from < ids.size(); from += DispatchStore.ID_CHUNK) {
            counters.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + DispatchStore.ID_CHUNK))))
                    .forEach(d -> {
                        String id = d.getString("_id");
                        counts.put(id.substring(prefix.length(), id.length() - suffix.length()),
                                d.get("n", Number.class).intValue());
                    });
        }
        return counts;
    }

    /** Counts one more message for each of these citizens on the day of {@code at}. */
    void count(ChannelKind channel, List<String> subscriberIds, Instant at) {
        if (subscriberIds.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (String s : subscriberIds) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", id(channel, s, at)), Updates.combine(
                    Updates.inc("n", 1), Updates.setOnInsert("day", day(at).toString())), new UpdateOptions().upsert(true)));
        }
        counters.bulkWrite(writes);
    }

    static LocalDate day(Instant at) {
        return at.atZone(SunshineHubApplication.ZONE).toLocalDate();
    }

    private static String id(ChannelKind channel, String subscriberId, Instant at) {
        return channel.code() + ":" + subscriberId + ":" + day(at);
    }
}
