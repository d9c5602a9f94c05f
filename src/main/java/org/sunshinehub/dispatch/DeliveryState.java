package org.sunshinehub.dispatch;

/**
 * PENDING → SENT → DELIVERED | UNDELIVERED | REFUSED (the citizen blocks the channel's messages) | FAILED (by
 * receipt); PENDING → FAILED (permanent error, or retries used up); PENDING → SUPPRESSED (the citizen opted out) |
 * CANCELLED (the plan was cancelled).
 */
public enum DeliveryState {
    PENDING, SENT, DELIVERED, UNDELIVERED, REFUSED, FAILED, SUPPRESSED, CANCELLED
}
