/**
 * The delivery engine every channel uses: fan-out of a push to {@code Delivery} documents, claiming blocks of
 * them, rendering, calling the channel adapter under a per-provider rate limit, retrying with backoff, and
 * recording receipts. Channels implement {@link org.sunshinehub.dispatch.ChannelAdapter}; this package never
 * imports a channel.
 */
package org.sunshinehub.dispatch;
