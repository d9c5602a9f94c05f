package org.sunshinehub.dispatch;

/**
 * States of a queue (one plan's push on one channel): FANNING_OUT → READY (every block written) → DRAINED (every
 * numbered block claimed) → COMPLETED (every delivery final, fallbacks resolved, digests sent); a resend brings a
 * completed queue back to DRAINED. FANNING_OUT | READY | DRAINED → CANCELLED → CANCELLED_DONE (every block
 * claimed, the rest CANCELLED).
 */
enum QueueState {
    FANNING_OUT, READY, DRAINED, COMPLETED, CANCELLED, CANCELLED_DONE;

    boolean canMoveTo(QueueState next) {
        return switch (this) {
            case FANNING_OUT -> next == READY || next == CANCELLED;
            case READY -> next == DRAINED || next == CANCELLED;
            case DRAINED -> next == COMPLETED || next == CANCELLED;
            case COMPLETED -> next == DRAINED;
            case CANCELLED -> next == CANCELLED_DONE;
            case CANCELLED_DONE -> false;
        };
    }

    void checkMoveTo(QueueState next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("a queue cannot move from " + this + " to " + next);
        }
    }

    /** Workers claim blocks of queues in these states. */
    boolean hasBlocksToClaim() {
        return this == FANNING_OUT || this == READY || this == CANCELLED;
    }

    boolean isCancelled() {
        return this == CANCELLED || this == CANCELLED_DONE;
    }
}
