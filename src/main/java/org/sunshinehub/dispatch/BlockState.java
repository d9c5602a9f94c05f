package org.sunshinehub.dispatch;

/**
 * States of a block: READY (written by the fan-out) → WORKING (claimed) → SENDING (handed to the provider) → DONE,
 * or → RETRY (waiting for its next try) → WORKING. A block whose worker died is taken over from WORKING or SENDING.
 */
enum BlockState {
    READY, WORKING, SENDING, RETRY, DONE;

    boolean canMoveTo(BlockState next) {
        return switch (this) {
            case READY, RETRY -> next == WORKING;
            case WORKING -> next == SENDING || next == RETRY || next == DONE || next == WORKING;
            case SENDING -> next == RETRY || next == DONE || next == WORKING;
            case DONE -> false;
        };
    }

    void checkMoveTo(BlockState next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("a block cannot move from " + this + " to " + next);
        }
    }
}
