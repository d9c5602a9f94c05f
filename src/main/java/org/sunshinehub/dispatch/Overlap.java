package org.sunshinehub.dispatch;

import org.springframework.modulith.NamedInterface;

/**
 * How an audience on one channel meets earlier deliveries of the same item.
 *
 * @param reachable       subscribers of the audience reachable on the channel
 * @param alreadyReceived of those, how many have a delivery of the item on the channel that did not fail
 * @param failedBefore    of those, how many have one that FAILED or was UNDELIVERED (sent again on {@code resend})
 */
@NamedInterface("api")
public record Overlap(long reachable, long alreadyReceived, long failedBefore) {

    /** Who the push would reach: new recipients, and the failed ones when it resends. */
    public long left(boolean resend) {
        return reachable - alreadyReceived - (resend ? 0 : failedBefore);
    }
}
