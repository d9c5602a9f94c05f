package org.sunshinehub.dispatch;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/**
 * PENDING → SENT → DELIVERED | UNDELIVERED | REFUSED (the citizen blocks the channel's messages) | FAILED (by
 * receipt); PENDING → FAILED (permanent error, or retries used up); PENDING → SUPPRESSED (the citizen opted out) |
 * CANCELLED (the plan was cancelled) | DIGESTED (over the citizen's daily cap: merged into the next morning's digest).
 * A receipt may overtake the SENT write, so PENDING may also move straight to a receipt's state. FAILED and
 * UNDELIVERED go back to PENDING when staff resend them.
 */
@NamedInterface("api")
public enum DeliveryState {
    PENDING, SENT, DELIVERED, UNDELIVERED, REFUSED, FAILED, SUPPRESSED, CANCELLED, DIGESTED;

    private static final Set<DeliveryState> RESENDABLE = EnumSet.of(FAILED, UNDELIVERED);

    /** The one place that knows which moves exist; a store refuses any other. */
    boolean canMoveTo(DeliveryState next) {
        return switch (this) {
            case PENDING -> next != PENDING;
            case SENT -> EnumSet.of(DELIVERED, UNDELIVERED, REFUSED, FAILED).contains(next);
            case FAILED, UNDELIVERED -> next == PENDING;
            default -> false;
        };
    }

    void checkMoveTo(DeliveryState next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("a delivery cannot move from " + this + " to " + next);
        }
    }

    /** Nothing more will happen to it, unless staff resend it. SENT is final only where no receipt comes. */
    public boolean isFinal() {
        return this != PENDING && this != SENT;
    }

    /** Handed to a provider (or tried): what the console's volume chart counts as sent. */
    boolean attempted() {
        return EnumSet.of(SENT, DELIVERED, UNDELIVERED, REFUSED, FAILED).contains(this);
    }

    /** Did not reach the citizen on this channel. */
    boolean failed() {
        return this == FAILED || this == UNDELIVERED || this == REFUSED;
    }

    static Set<DeliveryState> resendable() {
        return RESENDABLE;
    }
}
