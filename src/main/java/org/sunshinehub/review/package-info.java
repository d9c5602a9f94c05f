/**
 * What may be pushed: the negative-list gate (负面清单, {@link org.sunshinehub.review.NegativeList}) that withholds
 * items for good, and the review levels (初审/审核/复核/审定, {@link org.sunshinehub.review.ReviewLevels}) staff sign in
 * order through {@code POST /api/items/{id}/reviews}.
 */
package org.sunshinehub.review;
