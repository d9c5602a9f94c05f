package org.sunshinehub.plan;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The body of {@code POST /api/plans}.
 *
 * @param broadcast channels may use their broadcast form where they have one (WeChat mass send) instead of one
 *                  message per citizen
 */
record PlanRequest(String itemId, List<String> channels, Audience audience, OffsetDateTime sendAt, boolean urgent,
                   boolean broadcast) {

    record Audience(List<String> topics, boolean all) {
    }
}
