package org.sunshinehub.content;

/**
 * RECEIVED → WITHHELD | PENDING_REVIEW → APPROVED | REJECTED; APPROVED → RECALLED (撤回: taken back after
 * publication, never pushable again). Opinion tasks stay RECEIVED until their own workflow takes them over.
 */
public enum ItemState {
    RECEIVED, WITHHELD, PENDING_REVIEW, APPROVED, REJECTED, RECALLED;

    /** The recall move is checked here; the review moves are checked by the review chain. */
    boolean canMoveTo(ItemState next) {
        return next == RECALLED && this == APPROVED;
    }
}
