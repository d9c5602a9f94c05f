package org.sunshinehub.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.audience.AudienceSpec;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.content.ContentItem;

/** What the push plans (and the modules that send notices) ask of the delivery engine. */
@NamedInterface("api")
@Service
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final QueueStore queues;
    private final BlockStore blocks;
    private final DispatchWorkers workers;
    private final Channels channels;
    private final Notices notices;
    private final ProgressReader progress;
    private final Resends resends;
    private final Overlaps overlaps;
    private final DeliveryTrace trace;
    private final DeliveryStore deliveries;
    private final Recalls recalls;
    private final Clock clock;

    Dispatcher(QueueStore queues, BlockStore blocks, DispatchWorkers workers, Channels channels, Notices notices,
               ProgressReader progress, Resends resends, Overlaps overlaps, DeliveryTrace trace,
               DeliveryStore deliveries, Recalls recalls, Clock clock) {
        this.recalls = recalls;
        this.queues = queues;
        this.blocks = blocks;
        this.workers = workers;
        this.channels = channels;
        this.notices = notices;
        this.progress = progress;
        this.resends = resends;
        this.overlaps = overlaps;
        this.trace = trace;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Whether a channel adapter is configured for this channel. */
    public boolean supports(ChannelKind channel) {
        return channels.has(channel);
    }

    /** Starts the fan-out of a job; starting the same job again does nothing. */
    public void start(PushJob job) {
        if (queues.create(DispatchQueue.start(job, clock.instant()))) {
            log.info("Push {} on {} starts (urgent: {})", job.planId(), job.channel().code(), job.urgent());
            workers.startFanOut(job.queueId());
        }
    }

    /** Stops a plan: nothing not yet handed to a provider goes out. */
    public void cancel(String planId) {
        for (DispatchQueue queue : queues.ofPlan(planId)) {
            if (queue.state().canMoveTo(QueueState.CANCELLED)) {
                queues.move(queue.id(), queue.state(), QueueState.CANCELLED, clock.instant());
            }
        }
    }

    /** Where each channel of a plan stands: a read of one small document per channel. */
    public List<PushProgress> progress(String planId) {
        return queues.ofPlan(planId).stream().map(progress::of).toList();
    }

    /**
     * Queues the plan's FAILED and UNDELIVERED deliveries once more (not those suppressed by an opt-out).
     *
     * @return how many were queued
     */
    public long resendFailed(String planId) {
        return resends.resendFailed(planId);
    }

    /**
     * Takes back what the item's pushes sent (撤回), to be asked after its plans were cancelled: each channel
     * withdraws what it can (Weibo posts, WeChat mass sends, JPush pushes), and with {@code correct} those reached
     * where nothing can be withdrawn (SMS, WeChat template messages) get the correction, rendered from
     * {@code templates/<channel>/<kind>-correction.ftl}, once. Asking again retries only what failed.
     */
    public List<ChannelRecall> recall(String itemId, boolean correct) {
        return recalls.recall(itemId, correct);
    }

    /**
     * A recall on one channel, counted in provider messages (one Weibo post, one mass send, one SMS …).
     *
     * @param corrected recipients the correction was queued for by this call
     * @param failures  why the withdrawals that failed failed
     * @param settled   false when a block was still with the provider at the end of the wait: recall again
     */
    @NamedInterface("api")
    public record ChannelRecall(ChannelKind channel, long withdrawn, long notRecallable, long failed, long corrected,
                                List<String> failures, boolean settled) {
    }

    /** How much of an audience already has this item (or purpose) on a channel, from earlier plans. */
    public Overlap overlap(String itemId, String purpose, ChannelKind channel, AudienceSpec audience) {
        return overlaps.of(PushJob.deliveryKey(itemId, purpose), channel, audience);
    }

    /**
     * Sends one notice (an assignment, a reminder …) to one address at once, outside any plan: rendered from
     * {@code templates/<channel>/<template>.ftl} with the item (null for a notice about none, such as a
     * verification code) and {@code extras}. Retrying is the caller's
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
     * A plan's progress summed over its channels, for the console's bar: fan-out finished on every channel,
     * subscribers read, deliveries made and where they are.
     */
    @NamedInterface("api")
    public record Progress(boolean fannedOut, long audienceRead, long deliveries, long waiting, long sent,
                           long delivered, long failed, long skipped) {

        static Progress of(List<PushProgress> channels) {
            long[] c = new long[5];
            channels.forEach(p -> p.counts().forEach((state, n) -> {
                c[0] += n;
                switch (state) {
                    case PENDING -> c[1] += n;
                    case DELIVERED -> { c[2] += n; c[3] += n; }
                    case SENT -> c[2] += n;
                    default -> c[4] += state.failed() ? n : 0;
                }
            }));
            boolean fannedOut = !channels.isEmpty() && channels.stream().allMatch(PushProgress::fannedOutFully);
            long read = channels.stream().mapToLong(PushProgress::audienceFound).max().orElse(0);
            return new Progress(fannedOut, read, c[0], c[1], c[2], c[3], c[4], c[0] - c[1] - c[2] - c[4]);
        }

        /** Every delivery has left the hub (or will not), and no more will be made. */
        public boolean finished() {
            return fannedOut && waiting == 0;
        }

        public int percent() {
            return deliveries == 0 ? (fannedOut ? 100 : 0) : (int) (100 * (deliveries - waiting) / deliveries);
        }
    }

    public Progress summary(String planId) {
        return Progress.of(progress(planId));
    }

    /** One delivery as the trace shows it: the state, the provider's id and receipt code, the last error. */
    @NamedInterface("api")
    public record Trace(String plan, String item, ChannelKind channel, DeliveryState state, String providerId,
                        String receiptCode, String reason, Instant createdAt, Instant updatedAt, Instant receiptAt) {

        static Trace of(Delivery d) {
            return new Trace(d.plan(), d.item(), d.channel(), d.state(), d.providerId(), d.receiptCode(), d.reason(),
                    d.createdAt(), d.updatedAt(), d.receiptAt());
        }
    }

    /** The newest deliveries (up to {@code limit}) to a phone, openid, registration id or Weibo uid. */
    public List<Trace> trace(String address, int limit) {
        return trace.ofAddress(address).stream().limit(limit).map(Trace::of).toList();
    }

    /** Deliveries of one channel on one day (Beijing time): attempted, delivered by receipt, failed. */
    @NamedInterface("api")
    public record DailyVolume(ChannelKind channel, LocalDate day, long sent, long delivered, long failed) {
    }

    /** Delivery volume per channel and day, for the deliveries created in the last {@code days} days. */
    public List<DailyVolume> dailyVolume(int days) {
        ZoneId zone = SunshineHubApplication.ZONE;
        LocalDate first = clock.instant().atZone(zone).toLocalDate().minusDays(days - 1L);
        Map<ChannelKind, Map<LocalDate, long[]>> counts = new TreeMap<>();
        deliveries.eachCreatedSince(first.atStartOfDay(zone).toInstant(), d -> {
            if (d.state().attempted()) {
                long[] c = counts.computeIfAbsent(d.channel(), k -> new TreeMap<>())
                        .computeIfAbsent(d.createdAt().atZone(zone).toLocalDate(), k -> new long[3]);
                c[0]++;
                c[1] += d.state() == DeliveryState.DELIVERED ? 1 : 0;
                c[2] += d.state().failed() ? 1 : 0;
            }
        });
        List<DailyVolume> volume = new ArrayList<>();
        counts.forEach((channel, byDay) -> byDay.forEach((day, c) ->
                volume.add(new DailyVolume(channel, day, c[0], c[1], c[2]))));
        return volume;
    }

    /** What broadcast sends of a plan reported (e.g. WeChat mass-send counts), one entry per batch. */
    public List<Map<String, Object>> broadcastResults(String planId) {
        List<Map<String, Object>> results = new ArrayList<>();
        queues.ofPlan(planId).forEach(q -> results.addAll(blocks.broadcastResults(q.id())));
        return results;
    }

    /** The item of the newest push that used this reply code, for linking citizens' replies. */
    public Optional<String> itemForReplyCode(String replyCode) {
        return queues.newestWithReplyCode(replyCode).map(q -> q.job().itemId());
    }
}
