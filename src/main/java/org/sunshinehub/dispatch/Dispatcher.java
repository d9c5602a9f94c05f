package org.sunshinehub.dispatch;

import java.time.Clock;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.sunshinehub.audience.ChannelKind;
import org.sunshinehub.content.ContentItem;

/** What the push plans ask of the delivery engine. */
@Service
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final DispatchStore store;
    private final DispatchWorkers workers;
    private final Channels channels;
    private final Notices notices;
    private final Clock clock;

    Dispatcher(DispatchStore store, DispatchWorkers workers, Channels channels, Notices notices, Clock clock) {
        this.store = store;
        this.workers = workers;
        this.channels = channels;
        this.notices = notices;
        this.clock = clock;
    }

    /** Whether a channel adapter is configured for this channel. */
    public boolean supports(ChannelKind channel) {
        return channels.has(channel);
    }

    /** Starts the fan-out of a job; starting the same job again does nothing. */
    public void start(PushJob job) {
        Document queue = new Document("_id", job.queueId())
                .append("plan", job.planId())
                .append("item", job.itemId())
                .append("channel", job.channel().code())
                .append("audience", job.audience().toDocument())
                .append("urgent", job.urgent())
                .append("broadcast", job.broadcast())
                .append("overCap", job.overCap())
                .append("fallbackBefore", job.fallbackBefore().stream().map(ChannelKind::code).toList())
                .append("fallbackAfter", job.fallbackAfter().stream().map(ChannelKind::code).toList())
                .append("replyCode", job.replyCode())
                .append("deliveryKey", job.deliveryKey())
                .append("template", job.purpose())
                .append("state", Queues.FANNING_OUT)
                .append("streamed", 0L).append("produced", 0L).append("blocks", 0L).append("claimed", 0L)
                .append("createdAt", Date.from(clock.instant()));
        if (store.createQueue(queue)) {
            log.info("Push {} on {} starts (urgent: {})", job.planId(), job.channel().code(), job.urgent());
            workers.startFanOut(job.queueId());
        }
    }

    /** Stops a plan: nothing not yet handed to a provider goes out. */
    public void cancel(String planId) {
        for (Document queue : store.queuesOfPlan(planId)) {
            String id = queue.getString("_id");
            if (!store.moveQueue(id, Queues.FANNING_OUT, Queues.CANCELLED)) {
                store.moveQueue(id, Queues.READY, Queues.CANCELLED);
            }
        }
    }

    /** Delivery counts of a plan: channel code → state → count. */
    public Map<String, Map<DeliveryState, Long>> counts(String planId) {
        Map<String, Map<DeliveryState, Long>> counts = new TreeMap<>();
        for (Document row : store.countsOfPlan(planId)) {
            Document key = row.get("_id", Document.class);
            counts.computeIfAbsent(key.getString("channel"), c -> new EnumMap<>(DeliveryState.class))
                    .put(DeliveryState.valueOf(key.getString("state")), row.get("n", Number.class).longValue());
        }
        return counts;
    }

    /**
     * Sends one notice (an assignment, a reminder …) to one address at once, outside any plan: rendered from
     * {@code templates/<channel>/<template>.ftl} with the item and {@code extras}. Retrying is the caller's
     * business (its timer stays due).
     *
     * @param noticeId stable for retries of the same notice; the provider echoes it
     */
    public SendOutcome sendNotice(ChannelKind channel, String address, ContentItem item, String template,
                                  Map<String, Object> extras, String noticeId) {
        return notices.send(channel, address, item, template, extras, noticeId);
    }

    /** What broadcast sends of a plan reported (e.g. WeChat mass-send counts), one entry per batch. */
    public List<Map<String, Object>> broadcastResults(String planId) {
        List<Map<String, Object>> results = new java.util.ArrayList<>();
        for (Document queue : store.queuesOfPlan(planId)) {
            store.broadcastResults(queue.getString("_id")).forEach(r -> results.add(new java.util.LinkedHashMap<>(r)));
        }
        return results;
    }

    /** How many of a fallback plan's deliveries each channel made because an earlier channel failed. */
    public Map<String, Long> reachedByFallback(String planId) {
        Map<String, Long> counts = new TreeMap<>();
        store.fallbacksOfPlan(planId).forEach(d -> counts.put(d.getString("_id"), d.get("n", Number.class).longValue()));
        return counts;
    }

    /** The item of the newest push that used this reply code, for linking citizens' replies. */
    public java.util.Optional<String> itemForReplyCode(String replyCode) {
        List<Document> queues = store.queues.find(new Document("replyCode", replyCode))
                .sort(new Document("createdAt", -1)).limit(1).into(new java.util.ArrayList<>());
        return queues.stream().findFirst().map(q -> q.getString("item"));
    }
}
