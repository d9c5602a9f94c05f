package org.sunshinehub.plan;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The body of {@code POST /api/plans}.
 *
 * @param broadcast channels may use their broadcast form where they have one (WeChat mass send) instead of one
 *                  message per citizen
 * @param fallback  instead of {@code channels}: the channels in order of preference; each citizen gets the item on
 *                  the first that works for them (see {@code dispatch.Fallbacks})
 * @param overCap   what becomes of a message over a citizen's daily cap: {@code defer} (to the next morning, the
 *                  default) or {@code digest} (merged with the day's others into one message the next morning)
 * @param resend    citizens whose earlier delivery of the item on a channel failed get it again; without it they
 *                  are left out like those it reached
 */
record PlanRequest(String itemId, List<String> channels, Audience audience, OffsetDateTime sendAt, boolean urgent,
                   boolean broadcast, List<String> fallback, String overCap, boolean resend) {

    record Audience(List<String> topics, boolean all) {
    }
}
