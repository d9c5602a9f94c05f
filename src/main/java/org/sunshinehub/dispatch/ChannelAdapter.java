package org.sunshinehub.dispatch;

import java.util.List;
import java.util.Map;
import org.sunshinehub.audience.ChannelKind;

/** A provider behind one channel. Implementations live in {@code channel.*} and are found as beans. */
public interface ChannelAdapter {

    ChannelKind kind();

    /**
     * Sends one batch; call {@code throttle.acquire()} before each provider request.
     *
     * @return one outcome per message, in order; a failure of the whole call is a {@link SendOutcome#retry}
     *         or {@link SendOutcome#permanent} for every message
     */
    List<SendOutcome> send(OutboundBatch batch, Throttle throttle);

    /** Extra values templates of this channel may use (e.g. the SMS opt-out hint). */
    default Map<String, Object> templateModel() {
        return Map.of();
    }
}
