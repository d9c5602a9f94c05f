package org.sunshinehub.plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.sunshinehub.audience.ChannelKind;
import org.sunshinehub.dispatch.DeliveryState;
import org.sunshinehub.dispatch.Dispatcher;

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

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    PlanView create(@RequestBody PlanRequest request) {
        PushPlan plan = plans.create(request);
        audit.record(AuditAction.PLAN_CREATE, "plan:" + plan.id(), "item:" + plan.itemId() + " " + plan.channels());
        return view(plan);
    }

    @GetMapping("/{id}")
    PlanView get(@PathVariable String id) {
        return view(plans.find(id));
    }

    @GetMapping
    List<PlanView> ofItem(@RequestParam String itemId) {
        return store.ofItem(itemId).stream().map(this::view).toList();
    }

    @PostMapping("/{id}/cancel")
    PlanView cancel(@PathVariable String id) {
        PushPlan cancelled = plans.cancel(id);
        audit.record(AuditAction.PLAN_CANCEL, "plan:" + id, null);
        return view(cancelled);
    }

    private PlanView view(PushPlan p) {
        return new PlanView(p.id(), p.itemId(), p.channels(), p.audience(), p.sendAt(), p.urgent(), p.broadcast(),
                p.fallback(), p.overCap(), p.state(), p.replyCode(), p.createdAt(), p.firedAt(), dispatcher.counts(p.id()),
                p.broadcast() ? dispatcher.broadcastResults(p.id()) : List.of(),
                p.fallback() ? dispatcher.reachedByFallback(p.id()) : Map.of());
    }

    /** A plan as staff see it, with its deliveries counted per channel and state. */
    record PlanView(String id, String itemId, List<ChannelKind> channels, AudienceSpec audience, Instant sendAt,
                    boolean urgent, boolean broadcast, boolean fallback, String overCap, PushPlan.State state, String replyCode, Instant createdAt,
                    Instant firedAt, Map<String, Map<DeliveryState, Long>> counts,
                    List<Map<String, Object>> broadcastResults, Map<String, Long> reachedByFallback) {
    }
}
