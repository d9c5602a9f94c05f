package org.sunshinehub.plan;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.sunshinehub.audience.AudienceSpec;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.dispatch.Dispatcher;
import org.sunshinehub.dispatch.Overlap;

/**
 * What a new plan for an item already pushed will leave out: per channel, those of its audience an earlier plan
 * reached (and, unless it resends, those whose delivery failed). A plan that would reach nobody is refused.
 */
@Component
class PlanSkips {

    private final PlanStore store;
    private final Dispatcher dispatcher;

    PlanSkips(PlanStore store, Dispatcher dispatcher) {
        this.store = store;
        this.dispatcher = dispatcher;
    }

    /** @throws ResponseStatusException 409 when every channel would leave out its whole audience */
    Map<ChannelKind, PushPlan.Skip> of(String planId, ContentItem item, List<ChannelKind> channels,
                                       AudienceSpec audience, String purpose, boolean resend) {
        List<PushPlan> earlier = store.ofItem(item.id()).stream()
                .filter(p -> !p.id().equals(planId) && p.state() != PushPlan.State.CANCELLED
                        && java.util.Objects.equals(p.purpose(), purpose))
                .toList();
        Map<ChannelKind, PushPlan.Skip> skipped = new EnumMap<>(ChannelKind.class);
        if (earlier.isEmpty()) {
            return skipped;
        }
        String by = earlier.stream().map(PushPlan::id).collect(Collectors.joining("、"));
        long left = 0;
        for (ChannelKind channel : channels) {
            Overlap overlap = dispatcher.overlap(item.id(), purpose, channel, audience);
            left += overlap.left(resend);
            long skip = overlap.reachable() - overlap.left(resend);
            if (skip > 0) {
                skipped.put(channel, new PushPlan.Skip(skip, reason(overlap, resend, by)));
            }
        }
        if (left == 0 && !skipped.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "受众都已通过推送计划 " + by + " 收到该信息，无人可发："
                    + skipped.entrySet().stream().map(e -> e.getKey().code() + " 跳过 " + e.getValue().count() + " 人")
                    .collect(Collectors.joining("，")) + (resend ? "" : "；如需重发失败的投递，请设 resend: true"));
        }
        return skipped;
    }

    private static String reason(Overlap overlap, boolean resend, String by) {
        String received = overlap.alreadyReceived() + " 人已通过推送计划 " + by + " 收到";
        return resend || overlap.failedBefore() == 0 ? received
                : received + "，" + overlap.failedBefore() + " 人此前投递失败（resend: true 可重发）";
    }
}
