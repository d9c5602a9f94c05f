package org.sunshinehub.dispatch;

import java.util.List;
import java.util.Map;
import org.springframework.modulith.NamedInterface;
import org.sunshinehub.channelkind.ChannelKind;

/** A provider behind one channel. Implementations live in {@code channel.*} and are found as beans. */
@NamedInterface("spi")
public interface ChannelAdapter {

    ChannelKind kind();

    /**
     * Sends one batch; call {@code throttle.acquire()} before each provider request.
     *
     * @return one outcome per message, in order; a failure of the whole call is a {@link SendOutcome#retry}
     *         or {@link SendOutcome#permanent} for every message
     */
    List<SendOutcome> send(OutboundBatch batch, Throttle throttle);

    /**
     * For a channel that speaks to the public rather than to each subscriber (Weibo): the accounts it posts from.
     * A push then makes one delivery per account (the recipient's id and address name the account) instead of
     * one per subscriber. Empty for channels that reach subscribers one by one.
     */
    default List<org.sunshinehub.audience.Recipient> broadcastAudience() {
        return List.of();
    }

    /**
     * Whether the provider reports delivery (a receipt after SENT). Without receipts, SENT is as far as a message
     * gets, and a fallback plan takes it as reached.
     */
    default boolean reportsDelivery() {
        return false;
    }

    /**
     * Takes back one message this channel sent (撤回): the provider's id of it as {@link SendOutcome#accepted}
     * returned, and the address it went to. Call {@code throttle.acquire()} before the provider request. Asked once
     * per provider id, and again when a repeated recall finds it {@link RecallOutcome.Kind#FAILED}.
     */
    default RecallOutcome recall(String providerId, String address, Throttle throttle) {
        return RecallOutcome.notRecallable();
    }

    /** Extra values templates of this channel may use (e.g. the SMS opt-out hint). */
    default Map<String, Object> templateModel() {
        return Map.of();
    }
}
