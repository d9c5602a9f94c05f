package org.sunshinehub.plan;

import java.time.OffsetDateTime;
import java.util.List;

/** The body of {@code POST /api/plans}. */
record PlanRequest(String itemId, List<String> channels, Audience audience, OffsetDateTime sendAt, boolean urgent) {

    record Audience(List<String> topics, boolean all) {
    }
}
