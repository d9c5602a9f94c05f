/**
 * Token buckets shared by every instance that uses the same database: Bucket4j's buckets with their state in
 * MongoDB ({@code rateBuckets}), changed by compare-and-swap on {@code {_id, version}}. {@link
 * org.sunshinehub.ratelimit.SharedBuckets} hands out a bucket per key and a {@link org.sunshinehub.ratelimit.Lease}
 * that draws a few tokens at a time into this instance, so a busy sender does not ask the database per request.
 */
package org.sunshinehub.ratelimit;
