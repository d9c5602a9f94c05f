package org.sunshinehub.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records what a provider said about a block's messages: accepted ones are SENT, permanent failures FAILED; the
 * retryable rest stay PENDING and the block waits for its next try (a hold does not use up attempts), until the
 * attempts run out and they are FAILED with the last reason.
 */
@Component
class OutcomeRecorder {

    private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);

    private final BlockStore blocks;
    private final RetryStore retries;
    private final DeliveryMoves moves;
    private final FallbackCheckStore checks;
    private final Channels channels;
    private final DispatchProperties properties;
    private final Clock clock;

    OutcomeRecorder(BlockStore blocks, RetryStore retries, DeliveryMoves moves, FallbackCheckStore checks,
                    Channels channels, DispatchProperties properties, Clock clock) {
        this.channels = channels;
        this.blocks = blocks;
        this.retries = retries;
        this.moves = moves;
        this.checks = checks;
        this.properties = properties;
        this.clock = clock;
    }

    /** What became of the messages the provider did not take: try again, and when. */
    private record Retry(List<String> ids, String reason, boolean held, Instant holdUntil) {
    }

    void record(Block block, List<OutboundMessage> messages, List<SendOutcome> outcomes) {
        Instant now = clock.instant();
        int attempt = block.attempts();
        List<Delivery.Change> sent = new ArrayList<>();
        List<Delivery.Change> failed = new ArrayList<>();
        List<String> retry = new ArrayList<>();
        String reason = null;
        boolean held = false;
        Instant holdUntil = now.plus(properties.holdRetry());
        for (int i = 0; i < messages.size(); i++) {
            SendOutcome outcome = outcomes.get(i);
            String id = messages.get(i).deliveryId();
            switch (outcome.kind()) {
                case ACCEPTED -> sent.add(new Delivery.Change(id, attempt, outcome.providerId(), null, null));
                case PERMANENT -> failed.add(new Delivery.Change(id, attempt, null, outcome.reason(), null));
                case RETRY, HOLD -> {
                    retry.add(id);
                    reason = outcome.reason();
                    if (outcome.kind() == SendOutcome.Kind.HOLD) {
                        held = true;
                        holdUntil = outcome.notBefore() != null ? outcome.notBefore() : holdUntil;
                    }
                }
            }
        }
        moves.move(block.queue(), DeliveryState.PENDING, DeliveryState.SENT, sent);
        if (!channels.adapter(block.channel()).reportsDelivery()) {
            // SENT is as far as such a channel gets: the citizen counts as reached
            moves.reached(block.queue(), sent.stream().map(Delivery.Change::deliveryId).toList());
        }
        fail(block, failed, now);
        retryOrGiveUp(block, new Retry(retry, reason, held, holdUntil), now);
    }

    private void fail(Block block, List<Delivery.Change> failed, Instant now) {
        moves.move(block.queue(), DeliveryState.PENDING, DeliveryState.FAILED, failed);
        checks.dueNow(failed.stream().map(Delivery.Change::deliveryId).toList(), now);
    }

    private void retryOrGiveUp(Block block, Retry retry, Instant now) {
        int attempt = block.attempts();
        if (retry.ids().isEmpty()) {
            blocks.done(block, null);
        } else if (retry.held()) {
            blocks.waitForRetry(block, retry.reason(), retry.holdUntil(), block.holds() + 1);
            retries.schedule(block.id(), retry.holdUntil());
            log.warn("Block {}: channel held ({}); {} deliveries wait until {}", block.id(), retry.reason(),
                    retry.ids().size(), retry.holdUntil());
        } else if (attempt - block.holds() >= properties.maxAttempts()) {
            String reason = "重试 " + attempt + " 次后仍失败: " + retry.reason();
            fail(block, retry.ids().stream().map(id -> new Delivery.Change(id, attempt, null, reason, null)).toList(),
                    now);
            blocks.done(block, reason);
            log.warn("Block {}: {} deliveries FAILED after {} attempts: {}", block.id(), retry.ids().size(), attempt,
                    retry.reason());
        } else {
            Instant at = now.plus(Backoff.after(attempt, properties.backoffInitial(), properties.backoffMax()));
            blocks.waitForRetry(block, retry.reason(), at, block.holds());
            retries.schedule(block.id(), at);
            log.info("Block {}: {} deliveries retry at {} (attempt {} failed: {})", block.id(), retry.ids().size(), at,
                    attempt, retry.reason());
        }
    }
}
