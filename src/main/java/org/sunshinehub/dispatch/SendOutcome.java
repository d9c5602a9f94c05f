package org.sunshinehub.dispatch;

import org.springframework.modulith.NamedInterface;

/**
 * What the provider said about one message.
 *
 * @param notBefore for a {@link Kind#HOLD}, when to try again (null: after {@code sunshine.dispatch.hold-retry})
 */
@NamedInterface({"api", "spi"})
public record SendOutcome(Kind kind, String providerId, String reason, java.time.Instant notBefore) {

    @NamedInterface({"api", "spi"})
    public enum Kind { ACCEPTED, RETRY, PERMANENT, HOLD }

    public static SendOutcome accepted(String providerId) {
        return new SendOutcome(Kind.ACCEPTED, providerId, null, null);
    }

    /** Transient: timeouts, 5xx, flow control. The delivery is tried again after a backoff. */
    public static SendOutcome retry(String reason) {
        return new SendOutcome(Kind.RETRY, null, reason, null);
    }

    /**
     * The channel cannot send now for a reason staff must fix (credentials refused, account blocked): the message
     * waits, tried again after {@code sunshine.dispatch.hold-retry}, and the wait does not use up its attempts.
     */
    public static SendOutcome hold(String reason) {
        return new SendOutcome(Kind.HOLD, null, reason, null);
    }

    /** A hold with a known end, e.g. a provider's hourly posting limit. */
    public static SendOutcome holdUntil(String reason, java.time.Instant notBefore) {
        return new SendOutcome(Kind.HOLD, null, reason, notBefore);
    }

    /** The message can never go out (invalid number, refused ...): FAILED at once. */
    public static SendOutcome permanent(String reason) {
        return new SendOutcome(Kind.PERMANENT, null, reason, null);
    }
}
