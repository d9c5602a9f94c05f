package org.sunshinehub.ingest;

import java.time.Instant;
import java.util.Map;
import org.sunshinehub.content.ItemKind;

/**
 * An item a route sent that the intake refused, kept with why so staff can fix and resubmit it.
 *
 * @param route     the route it came from
 * @param source    its {@code source} field, when it had one
 * @param kind      its kind, when known
 * @param payload   what the route sent, cut at {@link IntakeRejects#MAX_PAYLOAD} characters
 * @param truncated the payload was cut (resubmitting then needs a corrected payload)
 * @param errors    field → reason
 * @param itemId    the item its resubmission created (or found), once {@code RESUBMITTED}
 */
record IntakeReject(String id, String route, String source, ItemKind kind, String payload, boolean truncated,
                    Map<String, String> errors, Instant receivedAt, State state, String itemId, Instant resubmittedAt) {

    enum State {
        OPEN, RESUBMITTED
    }
}
