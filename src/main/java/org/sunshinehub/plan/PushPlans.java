package org.sunshinehub.plan;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.sunshinehub.SunshineHubApplication;

/** What other modules may ask of push plans. */
@Service
public class PushPlans {

    private final PlanService plans;

    PushPlans(PlanService plans) {
        this.plans = plans;
    }

    /**
     * Schedules a push of an approved item; the same {@code planId} again changes nothing.
     *
     * @param topics  subscribers with any of these topics; empty means everyone
     * @param purpose null for the item's push, or what a second push of it is for (e.g. {@code reminder})
     */
    public void schedule(String planId, String itemId, List<String> channels, List<String> topics, Instant sendAt,
                         String purpose) {
        plans.create(planId, new PlanRequest(itemId, channels, new PlanRequest.Audience(topics, topics.isEmpty()),
                sendAt == null ? null : OffsetDateTime.ofInstant(sendAt, SunshineHubApplication.ZONE), false, false, null, null, false), purpose);
    }
}
