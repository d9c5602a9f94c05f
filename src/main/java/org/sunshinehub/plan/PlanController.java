package org.sunshinehub.plan;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunshinehub.security.AuditAction;
import org.sunshinehub.security.AuditLog;
import org.sunshinehub.audience.AudienceSpec;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.dispatch.DeliveryState;
import org.sunshinehub.dispatch.Dispatcher;
import org.sunshinehub.dispatch.PushProgress;

@RestController
@RequestMapping("/api/plans")
class PlanController {

    private final PlanService plans;
    private final PlanStore store;
    private final Dispatcher dispatcher;
    private final AuditLog audit;

    PlanController(PlanService plans, PlanStore store, Dispatcher dispatcher, AuditLog audit) {
        this.plans = plans;
        this.store = store;
        this.dispatcher = dispatcher;
        this.audit = audit;
    }

    @Operation(summary = "创建推送计划")
    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    PlanView create(@RequestBody PlanRequest request) {
        PushPlan plan = plans.create(request);
        audit.record(AuditAction.PLAN_CREATE, "plan:" + plan.id(), "item:" + plan.itemId() + " " + plan.channels());
        return view(plan);
    }

    @Operation(summary = "查询推送计划")
    @GetMapping("/{id}")
    PlanView get(@PathVariable String id) {
        return view(plans.find(id));
    }

    /** For a console's live bar: the plan's state and each channel's progress, from one small read per channel. */
    @Operation(summary = "查询推送计划的发送进度")
    @GetMapping("/{id}/progress")
    ProgressView progress(@PathVariable String id) {
        PushPlan p = plans.find(id);
        return new ProgressView(p.id(), p.state(), p.moves(), p.cancelledBecause(), dispatcher.progress(id));
    }

    @Operation(summary = "列出某条信息的推送计划")
    @GetMapping
    List<PlanView> ofItem(@RequestParam String itemId) {
        return store.ofItem(itemId).stream().map(this::view).toList();
    }

    @Operation(summary = "取消推送计划")
    @PostMapping("/{id}/cancel")
    PlanView cancel(@PathVariable String id) {
        PushPlan cancelled = plans.cancel(id);
        audit.record(AuditAction.PLAN_CANCEL, "plan:" + id, null);
        return view(cancelled);
    }

    @Operation(summary = "重发推送计划中失败的投递")
    @PostMapping("/{id}/resend-failed")
    ResendView resendFailed(@PathVariable String id) {
        long requeued = plans.resendFailed(id);
        audit.record(AuditAction.PLAN_RESEND, "plan:" + id, "重新排队 " + requeued + " 条失败投递");
        return new ResendView(id, requeued);
    }

    private PlanView view(PushPlan p) {
        List<PushProgress> progress = dispatcher.progress(p.id());
        Map<String, Map<DeliveryState, Long>> counts = new TreeMap<>();
        Map<String, Long> byFallback = new TreeMap<>();
        for (PushProgress push : progress) {
            if (!push.counts().isEmpty()) {
                counts.put(push.channel().code(), new EnumMap<>(push.counts()));
            }
            if (p.fallback() && push.reachedByFallback() > 0) {
                byFallback.put(push.channel().code(), push.reachedByFallback());
            }
        }
        return new PlanView(p.id(), p.itemId(), p.channels(), p.audience(), p.sendAt(), p.urgent(), p.broadcast(),
                p.fallback(), p.overCap().code(), p.resend(), p.state(), p.replyCode(), p.createdAt(), p.firedAt(),
                p.moves(), p.cancelledBecause(), p.skipped(), counts, progress, p.broadcast() ? dispatcher.broadcastResults(p.id()) : List.of(),
                byFallback);
    }

    /**
     * A plan as staff see it, with its deliveries counted per channel and state.
     *
     * @param moves   when the plan entered each state
     * @param cancelledBecause null, or why the hub cancelled the plan (its item was recalled)
     * @param skipped per channel, the audience left out because earlier plans reached them, and why
     */
    record PlanView(String id, String itemId, List<ChannelKind> channels, AudienceSpec audience, Instant sendAt,
                    boolean urgent, boolean broadcast, boolean fallback, String overCap, boolean resend,
                    PushPlan.State state, String replyCode, Instant createdAt, Instant firedAt,
                    Map<PushPlan.State, Instant> moves, String cancelledBecause, Map<ChannelKind, PushPlan.Skip> skipped,
                    Map<String, Map<DeliveryState, Long>> counts, List<PushProgress> progress,
                    List<Map<String, Object>> broadcastResults, Map<String, Long> reachedByFallback) {
    }

    /** @param cancelledBecause null, or why the hub cancelled the plan (its item was recalled) */
    record ProgressView(String id, PushPlan.State state, Map<PushPlan.State, Instant> moves, String cancelledBecause,
                        List<PushProgress> channels) {
    }

    record ResendView(String planId, long requeued) {
    }
}
