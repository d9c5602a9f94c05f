package org.sunshinehub.ingest;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunshinehub.content.ItemRepository.Insertion;

/**
 * Reads the configured website columns when each is due; the {@code feed-poller} route ticks it. A column that
 * is unreachable, malformed or empty is logged with the reason and read again at its next turn; a bad entry is
 * logged and skipped. Entries come back on every read, and intake's source+sourceId key makes that free.
 */
@Component("feedPoller")
class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    private final IngestProperties properties;
    private final IntakeService intake;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Instant> nextPoll = new ConcurrentHashMap<>();

    FeedPoller(IngestProperties properties, IntakeService intake, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.intake = intake;
        this.clock = clock;
        this.meters = meters;
    }

    /** @return how many new items the due feeds brought */
    public int pollDue() {
        Instant now = clock.instant();
        int created = 0;
        for (Map.Entry<String, IngestProperties.Feed> feed : properties.feeds().entrySet()) {
            if (!now.isBefore(nextPoll.getOrDefault(feed.getKey(), Instant.MIN))) {
                nextPoll.put(feed.getKey(), now.plus(feed.getValue().pollInterval()));
                int brought = poll(feed.getKey(), feed.getValue());
                meters.counter("sunshine.feed.polls", "feed", feed.getKey(), "outcome", brought < 0 ? "failed" : "read")
                        .increment();
                created += Math.max(brought, 0);
            }
        }
        return created;
    }

    /** @return new items, or -1 when the column could not be read */
    private int poll(String name, IngestProperties.Feed feed) {
        SyndFeed channel;
        try {
            channel = FeedReader.read(feed.url());
        } catch (FeedReader.FeedUnavailableException e) {
            log.warn("Feed '{}' ({}) skipped this time, retrying in {}: {}", name, feed.url(), feed.pollInterval(),
                    e.getMessage());
            return -1;
        }
        if (channel.getEntries().isEmpty()) {
            log.warn("Feed '{}' ({}) has no entries", name, feed.url());
            return 0;
        }
        int created = 0;
        for (SyndEntry entry : channel.getEntries()) {
            created += accept(name, feed, channel, entry);
        }
        if (created > 0) {
            log.info("Feed '{}' brought {} new item(s) of {} entries", name, created, channel.getEntries().size());
        }
        return created;
    }

    private int accept(String name, IngestProperties.Feed feed, SyndFeed channel, SyndEntry entry) {
        try {
            Insertion insertion = intake.accept(feed.kind(), FeedEntries.toFields(name, feed, channel, entry),
                    feed.preApproved());
            return insertion.created() ? 1 : 0;
        } catch (InvalidItemException e) {
            log.warn("Feed '{}' entry '{}' skipped: {}", name, FeedEntries.sourceId(entry),
                    e.describe().replace('\n', ';'));
            return 0;
        }
    }
}
