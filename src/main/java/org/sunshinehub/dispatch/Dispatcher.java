package org.sunshinehub.dispatch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
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
    private final Clock clock;

    Dispatcher(QueueStore queues, BlockStore blocks, DispatchWorkers workers, Channels channels, Notices notices,
               ProgressReader progress, Resends resends, Overlaps overlaps, Clock clock) {
        this.queues = queues;
        this.blocks = blocks;
        this.workers = workers;
        this.channels = channels;
        this.notices = notices;
        this.progress = progress;
        this.resends = resends;
        this.overlaps = overlaps;
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

    /** How much of an audience already has this item (or purpose) on a channel, from earlier plans. */
    public Overlap overlap(String itemId, String purpose, ChannelKind channel, AudienceSpec audience) {
        return overlaps.of(PushJob.deliveryKey(itemId, purpose), channel, audience);
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
        List<Map<String, Object>> results = new ArrayList<>();
        queues.ofPlan(planId).forEach(q -> results.addAll(blocks.broadcastResults(q.id())));
        return results;
    }

    /** The item of the newest push that used this reply code, for linking citizens' replies. */
    public Optional<String> itemForReplyCode(String replyCode) {
        return queues.newestWithReplyCode(replyCode).map(q -> q.job().itemId());
    }
}
