package org.sunshinehub.dispatch;

import java.time.Instant;
import java.util.Map;
import org.springframework.modulith.NamedInterface;
import org.sunshinehub.channelkind.ChannelKind;

/**
 * Where a plan's push on one channel stands, read from its queue alone (counters kept with every move).
 *
 * @param audienceFound           subscribers of the audience read so far
 * @param fannedOut               deliveries made so far
 * @param counts                  deliveries per state
 * @param deferredByCap           messages the daily cap moved to a next morning
 * @param digestsOpen             messages waiting in a digest not yet sent
 * @param fallbacksOpen           deliveries whose fallback check is still to come
 * @param reachedByFallback       deliveries made because an earlier channel did not reach the citizen
 * @param waitingForQuietHoursUntil when sending resumes after the channel's quiet hours; null when not waiting
 * @param expectedEnd             when the last message should have gone, at the rate so far; null when unknown
 */
@NamedInterface("api")
public record PushProgress(ChannelKind channel, String state, long audienceFound, long fannedOut,
                           Map<DeliveryState, Long> counts, long deferredByCap, long digestsOpen, long fallbacksOpen,
                           long reachedByFallback, Instant waitingForQuietHoursUntil, Instant fannedOutAt,
                           Instant completedAt, Instant expectedEnd) {

    public boolean fannedOutFully() {
        return !"FANNING_OUT".equals(state);
    }

    public boolean completed() {
        return "COMPLETED".equals(state);
    }
}
