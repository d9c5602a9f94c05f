package org.sunshinehub.dispatch;

import java.time.Instant;
import java.util.List;
import org.sunshinehub.audience.Recipient;
import org.sunshinehub.channelkind.ChannelKind;

/**
 * A {@code dispatchBlocks} document: the recipients one worker sends together, with their manifest, so a first
 * attempt needs no read of its deliveries. Numbered blocks ({@code <queue>:<n>}) come from the fan-out; blocks
 * outside the numbering ({@code number} -1: a fallback, a deferral, a resend) enter through the retry path.
 *
 * @param optOutsSince opt-outs from then on are checked again before sending
 * @param streamedAfter for a numbered block: the fan-out's position after its batch
 */
record Block(String id, String queue, long number, String deliveryKey, ChannelKind channel, BlockState state,
             int attempts, int holds, Instant optOutsSince, List<Recipient> recipients, long streamedAfter) {

    static final long UNNUMBERED = -1;

    Block {
        recipients = List.copyOf(recipients);
    }

    static String id(String queueId, long number) {
        return queueId + ":" + number;
    }

    /** A block outside the numbering, in RETRY until its time comes. */
    static Block unnumbered(String id, DispatchQueue queue, Instant optOutsSince, List<Recipient> recipients) {
        return new Block(id, queue.id(), UNNUMBERED, queue.job().deliveryKey(), queue.channel(), BlockState.RETRY, 0,
                0, optOutsSince, recipients, 0);
    }

    String deliveryId(Recipient r) {
        return Delivery.id(deliveryKey, channel, r.subscriberId());
    }

    List<String> deliveryIds() {
        return recipients.stream().map(this::deliveryId).toList();
    }

    Block moved(BlockState to, int attempt) {
        return new Block(id, queue, number, deliveryKey, channel, to, attempt, holds, optOutsSince, recipients,
                streamedAfter);
    }

    boolean firstAttempt() {
        return attempts == 0;
    }
}
