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

    /** What a plan's push would send on this channel for this item, rendered as the channel's message (or why not). */
    public String preview(ChannelKind channel, ContentItem item) {
        if (!channels.has(channel)) {
            throw new IllegalStateException("渠道 " + channel.code() + " 尚未配置");
        }
        return notices.render(channel, item, MessageRenderer.templateOf(item.kind()));
    }

    /**
     * A plan's progress as its queues and deliveries stand: fan-out finished on every channel, subscribers read,
     * deliveries made and where they are.
     */
    public record Progress(boolean fannedOut, long audienceRead, long deliveries, long waiting, long sent,
                           long delivered, long failed, long skipped) {

        /** Every delivery has left the hub (or will not), and no more will be made. */
        public boolean finished() {
            return fannedOut && waiting == 0;
        }

        public int percent() {
            return deliveries == 0 ? (fannedOut ? 100 : 0) : (int) (100 * (deliveries - waiting) / deliveries);
        }
    }

    public Progress progress(String planId) {
        List<Document> queues = store.queuesOfPlan(planId);
        boolean fannedOut = !queues.isEmpty() && queues.stream().noneMatch(q -> Queues.FANNING_OUT.equals(q.getString("state")));
        long read = queues.stream().mapToLong(q -> {
            Number n = q.get("streamed", Number.class);
            return n == null ? 0 : n.longValue();
        }).max().orElse(0);
        long[] c = new long[5];
        counts(planId).values().forEach(byState -> byState.forEach((state, n) -> {
            c[0] += n;
            switch (state) {
                case PENDING -> c[1] += n;
                case DELIVERED -> { c[2] += n; c[3] += n; }
                case SENT -> c[2] += n;
                case FAILED, UNDELIVERED, REFUSED -> c[4] += n;
                default -> { }
            }
        }));
        long skipped = c[0] - c[1] - c[2] - c[4];
        return new Progress(fannedOut, read, c[0], c[1], c[2], c[3], c[4], skipped);
    }

    /** One delivery as the trace shows it: the state, the provider's id and receipt code, the last error. */
    public record Trace(String plan, String item, String channel, DeliveryState state, String providerId,
                        String receiptCode, String reason, java.time.Instant createdAt, java.time.Instant updatedAt,
                        java.time.Instant receiptAt) {
    }

    /** The newest deliveries (up to {@code limit}) to a phone, openid, registration id or Weibo uid. */
    public List<Trace> trace(String address, int limit) {
        return store.deliveriesTo(address, limit).stream().map(d -> new Trace(d.getString("plan"), d.getString("item"),
                d.getString("channel"), DeliveryState.valueOf(d.getString("state")), d.getString("providerId"),
                d.getString("receiptCode"), d.getString("reason") != null ? d.getString("reason") : d.getString("lastError"),
                instant(d, "createdAt"), instant(d, "updatedAt"), instant(d, "receiptAt"))).toList();
    }

    private static java.time.Instant instant(Document d, String key) {
        java.util.Date at = d.getDate(key);
        return at == null ? null : at.toInstant();
    }

    /** Deliveries of one channel on one day (Beijing time): attempted, delivered by receipt, failed. */
    public record DailyVolume(String channel, java.time.LocalDate day, long sent, long delivered, long failed) {
    }

    /** Delivery volume per channel and day, for the deliveries created in the last {@code days} days. */
    public List<DailyVolume> dailyVolume(int days) {
        java.time.ZoneId zone = org.sunshinehub.SunshineHubApplication.ZONE;
        java.time.LocalDate first = clock.instant().atZone(zone).toLocalDate().minusDays(days - 1L);
        Map<String, long[]> counts = new TreeMap<>();
        store.eachDeliverySince(first.atStartOfDay(zone).toInstant(), d -> {
            DeliveryState state = DeliveryState.valueOf(d.getString("state"));
            if (state == DeliveryState.PENDING || state == DeliveryState.SUPPRESSED || state == DeliveryState.CANCELLED
                    || state == DeliveryState.DIGESTED) {
                return;
            }
            String key = d.getString("channel") + "|" + d.getDate("createdAt").toInstant().atZone(zone).toLocalDate();
            long[] c = counts.computeIfAbsent(key, k -> new long[3]);
            c[0]++;
            c[1] += state == DeliveryState.DELIVERED ? 1 : 0;
            c[2] += state == DeliveryState.FAILED || state == DeliveryState.UNDELIVERED || state == DeliveryState.REFUSED ? 1 : 0;
        });
        return counts.entrySet().stream().map(e -> {
            String[] key = e.getKey().split("\\|");
            return new DailyVolume(key[0], java.time.LocalDate.parse(key[1]), e.getValue()[0], e.getValue()[1], e.getValue()[2]);
        }).toList();
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
