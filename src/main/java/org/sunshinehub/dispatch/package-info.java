/**
 * The delivery engine every channel uses: fan-out of a push to {@code Delivery} documents, claiming blocks of
 * them, rendering, calling the channel adapter under a per-provider rate limit, retrying with backoff, recording
 * receipts, and counting each push's deliveries per state on its queue. Two named interfaces: {@code api}, what
 * plans and notice senders call ({@link org.sunshinehub.dispatch.Dispatcher} and its records), and {@code spi},
 * what channels implement and report to ({@link org.sunshinehub.dispatch.ChannelAdapter},
 * {@link org.sunshinehub.dispatch.DeliveryReceipts}). This package never imports a channel. The stored layout is
 * described in {@code docs/architecture.md}.
 */
package org.sunshinehub.dispatch;
