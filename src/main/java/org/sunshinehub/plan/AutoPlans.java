package org.sunshinehub.plan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sunshinehub.content.ItemApproved;

/**
 * Items from pre-approved sources (the public website) may be pushed without staff action: per category (or a
 * default) {@code sunshine.auto-plans.*} names the channels and audience. The plan id derives from the item, so
 * an item is auto-planned once.
 */
@Component
class AutoPlans {

    private static final Logger log = LoggerFactory.getLogger(AutoPlans.class);

    private final AutoPlanProperties properties;
    private final PlanService plans;

    AutoPlans(AutoPlanProperties properties, PlanService plans) {
        this.properties = properties;
        this.plans = plans;
    }

    @EventListener
    void onApproved(ItemApproved event) {
        if (!event.preApproved() || !properties.enabled()) {
            return;
        }
        AutoPlanProperties.Rule rule = properties.categories().getOrDefault(
                event.category() == null ? "" : event.category(), properties.fallback());
        if (rule == null) {
            return;
        }
        PlanRequest.Audience audience = new PlanRequest.Audience(rule.topics(), rule.all());
        if (!rule.channels().isEmpty()) {
            create("auto-" + event.itemId(), new PlanRequest(event.itemId(), rule.channels(), audience, null, false,
                    false, null, null, false));
        }
        if (!rule.fallbackChannels().isEmpty()) {
            create("auto-" + event.itemId() + "-fallback", new PlanRequest(event.itemId(), null, audience, null, false,
                    false, rule.fallbackChannels(), null, false));
        }
    }

    private void create(String id, PlanRequest request) {
        try {
            plans.create(id, request, null);
        } catch (RuntimeException e) {
            log.error("Auto plan {} not created: {}", id, e.getMessage());
        }
    }
}
