package org.sunshinehub.content;

/**
 * RECEIVED → WITHHELD | PENDING_REVIEW → APPROVED | REJECTED. Opinion tasks stay RECEIVED until their own
 * workflow takes them over.
 */
public enum ItemState {
    RECEIVED, WITHHELD, PENDING_REVIEW, APPROVED, REJECTED
}
