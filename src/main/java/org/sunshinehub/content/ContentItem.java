package org.sunshinehub.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;

/**
 * A stored item. {@code requiredLevels} is fixed at intake from the review configuration then in force, so
 * editing the configuration does not change what an item already in review needs.
 *
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
        return new ContentItem(id, kind, newState, fields, receivedAt, withheld, requiredLevels, all, version + 1);
    }
}
