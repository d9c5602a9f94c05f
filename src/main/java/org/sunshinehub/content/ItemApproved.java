package org.sunshinehub.content;

/**
 * Published when an item becomes APPROVED, by its last review or at intake from a pre-approved source.
 *
 * @param preApproved approved at intake because its source is already public
 */
public record ItemApproved(String itemId, String category, boolean preApproved) {
}
