package org.sunshinehub.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;

/**
 * A stored item. {@code requiredLevels} is fixed at intake from the review configuration then in force, so
 * editing the configuration does not change what an item already in review needs.
 *
 * @param recall  null, or why and by whom the item was recalled
 * @param version bumped by every change; updates are conditional on it
 */
public record ContentItem(
        String id,
        ItemKind kind,
        ItemState state,
        @JsonUnwrapped ItemFields fields,
        Instant receivedAt,
        Withholding withheld,
        List<String> requiredLevels,
        List<ReviewRecord> reviews,
        ItemRecall recall,
        long version) {

    public ContentItem {
        requiredLevels = List.copyOf(requiredLevels);
        reviews = List.copyOf(reviews);
    }

    /** The levels still to sign, in order; empty unless the item is in review. */
    @JsonProperty("pendingLevels")
    public List<String> pendingLevels() {
        if (state != ItemState.PENDING_REVIEW) {
            return List.of();
        }
        return requiredLevels.subList(Math.min(reviews.size(), requiredLevels.size()), requiredLevels.size());
    }

    /** This item after one more review decision, in the given state. */
    public ContentItem withReview(ReviewRecord review, ItemState newState) {
        List<ReviewRecord> all = new java.util.ArrayList<>(reviews);
        all.add(review);
        return new ContentItem(id, kind, newState, fields, receivedAt, withheld, requiredLevels, all, recall,
                version + 1);
    }

    /**
     * This item recalled (撤回).
     *
     * @throws IllegalStateException unless the item is APPROVED
     */
    public ContentItem recalled(ItemRecall recall) {
        if (!state.canMoveTo(ItemState.RECALLED)) {
            throw new IllegalStateException("item " + id + " cannot move from " + state + " to RECALLED");
        }
        return new ContentItem(id, kind, ItemState.RECALLED, fields, receivedAt, withheld, requiredLevels, reviews,
                recall, version + 1);
    }
}
