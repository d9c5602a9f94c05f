package org.sunshinehub.dispatch;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * What staff must fix before a channel sends again (refused credentials, an expired token, a blocked app key):
 * raised by the channel, shown on the overview, cleared by the channel's next success. {@code channelAlerts},
 * one small document per source.
 */
@NamedInterface({"api", "spi"})
@Service
public class ChannelAlerts {

    private static final Logger log = LoggerFactory.getLogger(ChannelAlerts.class);

    private final MongoCollection<Document> alerts;
    private final Clock clock;

    ChannelAlerts(MongoDatabase database, Clock clock) {
        this.alerts = database.getCollection("channelAlerts");
        this.clock = clock;
    }

    /** An open alert. */
    public record Alert(String source, String reason, Instant since) {
    }

    /** @param source the channel and, where it has several, the account: {@code app}, {@code weibo:gov} */
    public void raise(String source, String reason) {
        if (alerts.find(Filters.eq("_id", source)).first() == null) {
            log.error("Channel {} stopped: {}. Its messages wait until this is fixed.", source, reason);
        }
        alerts.replaceOne(Filters.eq("_id", source), new Document("_id", source).append("reason", reason)
                .append("since", Date.from(clock.instant())), new ReplaceOptions().upsert(true));
    }

    public void clear(String source) {
        if (alerts.deleteOne(Filters.eq("_id", source)).getDeletedCount() > 0) {
            log.info("Channel {} sends again", source);
        }
    }

    public List<Alert> open() {
        List<Alert> open = new ArrayList<>();
        for (Document d : alerts.find()) {
            open.add(new Alert(d.getString("_id"), d.getString("reason"), d.getDate("since").toInstant()));
        }
        return open;
    }
}
