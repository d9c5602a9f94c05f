package org.sunshinehub.plan;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import org.sunshinehub.audience.AudienceSpec;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemKind;
import org.sunshinehub.content.ItemRepository;
import org.sunshinehub.content.ItemState;
import org.sunshinehub.dispatch.Dispatcher;
import org.sunshinehub.dispatch.OverCap;
import org.sunshinehub.dispatch.PushJob;
import org.sunshinehub.web.InvalidInputException;

/** Creates, fires and cancels plans. Firing is a guarded state change, so a plan fires once however often asked. */
@Service
class PlanService {

    private static final Logger log = LoggerFactory.getLogger(PlanService.class);

    private final PlanStore store;
    private final PlanScheduler scheduler;
    private final ItemRepository items;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final PlanProperties properties;
    private final PlanSkips skips;
    private final PlanCompletion completion;

    PlanService(PlanStore store, PlanScheduler scheduler, ItemRepository items, Dispatcher dispatcher, Clock clock,
                PlanProperties properties, PlanSkips skips, PlanCompletion completion) {
        this.skips = skips;
        this.completion = completion;
        this.properties = properties;
        this.store = store;
        this.scheduler = scheduler;
        this.items = items;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    PushPlan create(PlanRequest request) {
        return create(new ObjectId().toHexString(), request, null);
    }

    /**
     * @param id      the plan's id; creating a plan with an existing id returns that plan unchanged
     * @param purpose null, or what a second push of the item is for
     */
    PushPlan create(String id, PlanRequest request, String purpose) {
        boolean fallback = request.fallback() != null && !request.fallback().isEmpty();
        if (fallback && request.channels() != null && !request.channels().isEmpty()) {
            throw new InvalidInputException("推送计划有误", Map.of("fallback", "channels 与 fallback 只能填一个"));
        }
        List<ChannelKind> channels = validChannels(fallback ? request.fallback() : request.channels());
        if (fallback && (channels.size() < 2 || channels.contains(ChannelKind.WEIBO))) {
            throw new InvalidInputException("推送计划有误", Map.of("fallback",
                    "须列出至少两个面向个人的渠道（微博是公开发布，不能参与逐人补发）"));
        }
        AudienceSpec audience = validAudience(request.audience());
        ContentItem item = pushableItem(request.itemId());
        Instant now = clock.instant();
        Instant sendAt = request.sendAt() == null || request.sendAt().toInstant().isBefore(now)
                ? now : request.sendAt().toInstant();
        Optional<PushPlan> existing = store.find(id);
        if (existing.isPresent()) {
            return existing.get();
        }
        Map<ChannelKind, PushPlan.Skip> skipped = skips.of(id, item, channels, audience, purpose, request.resend());
        PushPlan plan = new PushPlan(id, item.id(), channels, audience, sendAt, request.urgent(), request.broadcast(),
                fallback, validOverCap(request.overCap()), request.resend(), PushPlan.State.SCHEDULED,
                store.nextReplyCode(), purpose, Map.of(PushPlan.State.SCHEDULED, now), skipped, null, 0);
        if (!store.insert(plan)) {
            return store.find(id).orElseThrow();
        }
        scheduler.arm(plan.id(), sendAt);
        log.info("Plan {} for 《{}》 on {} scheduled at {}", plan.id(), item.fields().title(), channels, sendAt);
        return plan;
    }

    /** Called by Quartz. */
    void fire(String planId) {
        PushPlan plan = store.find(planId).orElse(null);
        if (plan == null || plan.state() != PushPlan.State.SCHEDULED) {
            return;
        }
        PushPlan firing = plan.moveTo(PushPlan.State.FANNING_OUT, clock.instant());
        if (store.replaceIfUnchanged(firing)) {
            startPushes(firing);
        }
    }

    /** Fires the plans that are due and that no trigger of this instance fired (armed elsewhere). */
    void fireDue() {
        try {
            store.dueBy(clock.instant()).forEach(this::fire);
            completion.settleAll();
        } catch (RuntimeException e) {
            // The next sweep tries again; a database hiccup must not unschedule the sweep.
            log.warn("Sweep of due plans failed: {}", e.toString());
        }
    }

    PushPlan cancel(String planId) {
        return cancel(planId, null);
    }

    /** @param because null when staff cancel it, else why the hub does (shown with the plan's progress) */
    PushPlan cancel(String planId, String because) {
        while (true) {
            PushPlan plan = find(planId);
            if (plan.state() == PushPlan.State.CANCELLED) {
                return plan;
            }
            if (!plan.state().canMoveTo(PushPlan.State.CANCELLED)) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "推送计划已完成，不能取消");
            }
            PushPlan cancelled = plan.cancelled(clock.instant(), because);
            if (store.replaceIfUnchanged(cancelled)) {
                scheduler.disarm(planId);
                dispatcher.cancel(planId);
                log.info("Plan {} cancelled", planId);
                return cancelled;
            }
        }
    }

    PushPlan find(String planId) {
        return store.find(planId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有 id 为 " + planId + " 的推送计划"));
    }

    /**
     * Re-queues the plan's failed deliveries as a new attempt; a completed plan is sending again until they are
     * final. Not for a recalled item's plan.
     *
     * @return how many deliveries were queued again
     */
    long resendFailed(String planId) {
        PushPlan plan = find(planId);
        if (plan.state() == PushPlan.State.SCHEDULED || plan.state() == PushPlan.State.CANCELLED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "推送计划状态为 " + plan.state() + "，没有可重发的失败投递");
        }
        if (items.findById(plan.itemId()).map(i -> i.state() == ItemState.RECALLED).orElse(false)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "该信息已撤回，不能重发");
        }
        long requeued = dispatcher.resendFailed(planId);
        if (requeued > 0) {
            completion.reopen(planId);
        }
        log.info("Resend of failed deliveries asked for plan {}: {} queued again", planId, requeued);
        return requeued;
    }

    /** Scheduled plans get their triggers back; plans under way make sure every channel started. Final plans are left alone. */
    @EventListener(ApplicationReadyEvent.class)
    void rearm() {
        List<PushPlan> scheduled = store.inState(PushPlan.State.SCHEDULED);
        scheduled.forEach(p -> scheduler.arm(p.id(), p.sendAt()));
        scheduler.sweepEvery(properties.dueSweep());
        store.inState(PushPlan.State.FANNING_OUT).forEach(this::startPushes);
        completion.settleAll();
        if (!scheduled.isEmpty()) {
            log.info("Re-armed {} scheduled plan(s)", scheduled.size());
        }
    }

    private void startPushes(PushPlan plan) {
        for (ChannelKind channel : plan.channels()) {
            dispatcher.start(new PushJob(plan.id(), plan.itemId(), channel, plan.audience(), plan.urgent(),
                    plan.broadcast(), plan.fallback() ? plan.channels() : List.of(), plan.overCap(), plan.replyCode(),
                    plan.purpose(), plan.resend()));
        }
    }

    private ContentItem pushableItem(String itemId) {
        if (itemId == null || itemId.isBlank()) {
            throw new InvalidInputException("推送计划有误", Map.of("itemId", "必填"));
        }
        ContentItem item = items.findById(itemId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有 id 为 " + itemId + " 的信息"));
        if (item.kind() == ItemKind.OPINION_TASK) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "舆情回应任务不能直接推送");
        }
        if (item.state() == ItemState.RECALLED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "该信息已由 " + item.recall().byName() + " 撤回（"
                    + item.recall().reason() + "），不能再推送");
        }
        if (item.state() != ItemState.APPROVED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "信息状态为 " + item.state() + "，须审定通过（APPROVED）后才能推送"
                    + (item.state() == ItemState.WITHHELD ? "；该信息已被负面清单扣留，不能推送" : ""));
        }
        return item;
    }

    private static OverCap validOverCap(String overCap) {
        if (overCap == null || overCap.isBlank()) {
            return OverCap.DEFER;
        }
        try {
            return OverCap.of(overCap);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("推送计划有误", Map.of("overCap", "可选 defer（顺延到次日）或 digest（次日合并为一条摘要）"));
        }
    }

    private List<ChannelKind> validChannels(List<String> codes) {
        Map<String, String> errors = new TreeMap<>();
        LinkedHashSet<ChannelKind> channels = new LinkedHashSet<>();
        if (codes == null || codes.isEmpty()) {
            errors.put("channels", "至少选择一个渠道");
        } else {
            for (String code : codes) {
                try {
                    ChannelKind channel = ChannelKind.of(code);
                    if (!dispatcher.supports(channel)) {
                        errors.put("channels", "渠道 " + channel.code() + " 尚未配置");
                    }
                    channels.add(channel);
                } catch (IllegalArgumentException e) {
                    errors.put("channels", e.getMessage());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("推送计划有误", errors);
        }
        return new ArrayList<>(channels);
    }

    private static AudienceSpec validAudience(PlanRequest.Audience audience) {
        if (audience == null || !audience.all() && (audience.topics() == null || audience.topics().isEmpty())) {
            throw new InvalidInputException("推送计划有误", Map.of("audience", "须给出 topics，或 all: true"));
        }
        if (audience.all() && audience.topics() != null && !audience.topics().isEmpty()) {
            throw new InvalidInputException("推送计划有误", Map.of("audience", "all: true 与 topics 不能同时给出"));
        }
        if (audience.topics() != null && audience.topics().stream().anyMatch(t -> t == null || t.isBlank())) {
            throw new InvalidInputException("推送计划有误", Map.of("audience.topics", "话题不能为空"));
        }
        return new AudienceSpec(audience.all() ? List.of() : audience.topics(), audience.all());
    }
}
