package org.sunshinehub.dispatch;

/**
 * PENDING → SENT → DELIVERED | UNDELIVERED | REFUSED (the citizen blocks the channel's messages) | FAILED (by
 * receipt); PENDING → FAILED (permanent error, or retries used up); PENDING → SUPPRESSED (the citizen opted out) |
 * CANCELLED (the plan was cancelled) | DIGESTED (over the citizen's daily cap: merged into the next morning's digest).
 */
public enum DeliveryState {
    PENDING, SENT, DELIVERED, UNDELIVERED, REFUSED, FAILED, SUPPRESSED, CANCELLED, DIGESTED
}
