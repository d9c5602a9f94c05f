package org.sunshinehub.plan;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemRecall;
import org.sunshinehub.content.ItemRepository;
import org.sunshinehub.content.ItemState;
import org.sunshinehub.dispatch.Dispatcher;
import org.sunshinehub.security.AuditAction;
import org.sunshinehub.security.AuditLog;
import org.sunshinehub.security.Role;
import org.sunshinehub.security.Staff;
import org.sunshinehub.security.StaffAccount;
import org.sunshinehub.web.InvalidInputException;

/**
 * Recall (撤回) of an item published by mistake: the item becomes RECALLED (never pushable again), every plan of it
 * still under way is cancelled saying why, and the dispatcher takes back what went out and sends the correction.
 * Asking again changes nothing already done: it retries only withdrawals that failed.
 */
@Service
class ItemRecalls {

    static final int MAX_TEXT = 200;
    private static final Logger log = LoggerFactory.getLogger(ItemRecalls.class);

    private final ItemRepository items;
    private final PlanStore store;
    private final PlanService plans;
    private final Dispatcher dispatcher;
    private final Staff staff;
    private final AuditLog audit;
    private final Clock clock;

    ItemRecalls(ItemRepository items, PlanStore store, PlanService plans, Dispatcher dispatcher, Staff staff,
                AuditLog audit, Clock clock) {
        this.items = items;
        this.store = store;
        this.plans = plans;
        this.dispatcher = dispatcher;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a recall asks: why (required) and, optionally, the correction for those already reached. */
    record RecallRequest(String reason, String correction) {
    }

    /** @param cancelledPlans the plans this call cancelled */
    record RecallView(String itemId, ItemState state, ItemRecall recall, List<String> cancelledPlans,
                      List<Dispatcher.ChannelRecall> channels) {
    }

    RecallView recall(String itemId, RecallRequest request) {
        StaffAccount me = staff.require(Role.PUBLISHER);
        ItemRecall asked = valid(request, me);
        ContentItem item = items.findById(itemId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有 id 为 " + itemId + " 的信息"));
        boolean first = item.state() != ItemState.RECALLED;
        if (first) {
            item = recalled(item, asked);
        }
        String because = "信息已撤回：" + item.recall().reason();
        List<String> cancelled = new ArrayList<>();
        for (PushPlan plan : store.ofItem(itemId)) {
            if (plan.state().canMoveTo(PushPlan.State.CANCELLED) && cancel(plan.id(), because)) {
                cancelled.add(plan.id());
            }
        }
        List<Dispatcher.ChannelRecall> channels = dispatcher.recall(itemId, item.recall().correction() != null);
        if (first) {
            audit.record(AuditAction.ITEM_RECALL, "item:" + itemId, "原因：" + item.recall().reason()
                    + (item.recall().correction() == null ? "" : "；更正：" + item.recall().correction())
                    + "；取消计划 " + cancelled.size() + " 个；" + summary(channels));
        }
        log.info("Item {} recalled by {}: {} plan(s) cancelled; {}", itemId, item.recall().by(), cancelled.size(),
                summary(channels));
        return new RecallView(itemId, item.state(), item.recall(), cancelled, channels);
    }

    /** @return false when the plan completed before it could be cancelled (then nothing of it is left to stop) */
    private boolean cancel(String planId, String because) {
        try {
            return plans.cancel(planId, because).state() == PushPlan.State.CANCELLED;
        } catch (ResponseStatusException completed) {
            return false;
        }
    }

    private ContentItem recalled(ContentItem item, ItemRecall recall) {
        if (item.state() != ItemState.APPROVED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "信息状态为 " + item.state()
                    + "，只有已审定通过（APPROVED）的信息可以撤回");
        }
        ContentItem recalled = item.recalled(recall);
        if (items.replaceIfUnchanged(recalled)) {
            return recalled;
        }
        // Someone changed it meanwhile: a concurrent recall of the same item is this one.
        return items.findById(item.id()).filter(i -> i.state() == ItemState.RECALLED)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "该信息刚被他人修改，请刷新后重试"));
    }

    private ItemRecall valid(RecallRequest request, StaffAccount me) {
        Map<String, String> errors = new TreeMap<>();
        String reason = request == null ? null : trimmed(request.reason());
        String correction = request == null ? null : trimmed(request.correction());
        if (reason == null) {
            errors.put("reason", "必填：撤回原因");
        } else if (reason.length() > MAX_TEXT) {
            errors.put("reason", "不超过 " + MAX_TEXT + " 字");
        }
        if (correction != null && correction.length() > MAX_TEXT) {
            errors.put("correction", "不超过 " + MAX_TEXT + " 字");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("撤回请求有误", errors);
        }
        return new ItemRecall(reason, correction, me.username(), me.displayName(), clock.instant());
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String summary(List<Dispatcher.ChannelRecall> channels) {
        StringBuilder s = new StringBuilder();
        for (Dispatcher.ChannelRecall c : channels) {
            s.append(c.channel().code()).append(" 撤回 ").append(c.withdrawn()).append("、不可撤回 ")
                    .append(c.notRecallable()).append("、失败 ").append(c.failed()).append("、更正 ")
                    .append(c.corrected()).append("；");
        }
        return s.isEmpty() ? "无已发出的消息" : s.toString();
    }
}
