package org.sunshinehub.plan;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sunshinehub.dispatch.Dispatcher;
import org.sunshinehub.dispatch.PushCompleted;
import org.sunshinehub.dispatch.PushFannedOut;
import org.sunshinehub.dispatch.PushProgress;

/**
 * Moves a plan on as its pushes progress: SENDING once every channel has read its audience, COMPLETED once every
 * channel's push is complete. Told by the dispatcher's events; the due-plan sweep and the start settle the plans
 * under way too, so an event lost with a stopped instance only delays the move.
 */
@Component
class PlanCompletion {

    private static final Logger log = LoggerFactory.getLogger(PlanCompletion.class);

    private final PlanStore store;
    private final Dispatcher dispatcher;
    private final Clock clock;

    PlanCompletion(PlanStore store, Dispatcher dispatcher, Clock clock) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @EventListener
    void on(PushFannedOut event) {
        settle(event.planId());
    }

    @EventListener
    void on(PushCompleted event) {
        settle(event.planId());
    }

    /** The plans under way; final ones are not touched. */
    void settleAll() {
        store.inState(PushPlan.State.FANNING_OUT, PushPlan.State.SENDING).forEach(p -> settle(p.id()));
    }

    void settle(String planId) {
        for (int tries = 0; tries < 4; tries++) {
            PushPlan plan = store.find(planId).orElse(null);
            PushPlan.State next = plan == null ? null : next(plan, dispatcher.progress(planId));
            if (next == null) {
                return;
            }
            PushPlan moved = plan.moveTo(next, clock.instant());
            if (store.replaceIfUnchanged(moved)) {
                log.info("Plan {} is {}", planId, next);
            }
        }
    }

    /** A resend made a completed plan's failed deliveries pending again. */
    void reopen(String planId) {
        for (int tries = 0; tries < 4; tries++) {
            PushPlan plan = store.find(planId).orElseThrow();
            if (plan.state() != PushPlan.State.COMPLETED
                    || store.replaceIfUnchanged(plan.moveTo(PushPlan.State.SENDING, clock.instant()))) {
                return;
            }
        }
    }

    private static PushPlan.State next(PushPlan plan, List<PushProgress> pushes) {
        boolean all = pushes.size() == plan.channels().size();
        if (plan.state() == PushPlan.State.FANNING_OUT && all && pushes.stream().allMatch(PushProgress::fannedOutFully)) {
            return PushPlan.State.SENDING;
        }
        if (plan.state() == PushPlan.State.SENDING && all && pushes.stream().allMatch(PushProgress::completed)) {
            return PushPlan.State.COMPLETED;
        }
        return null;
    }
}
