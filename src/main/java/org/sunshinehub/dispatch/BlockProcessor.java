package org.sunshinehub.dispatch;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.sunshinehub.audience.Recipient;
import org.sunshinehub.audience.SubscriberDirectory;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemRepository;

/**
 * Processes one claimed block. A first attempt takes its recipients from the block's manifest; a retry or a
 * take-over reads the deliveries and keeps those still PENDING. Then: the rest of a cancelled plan is CANCELLED,
 * citizens who opted out since the fan-out are SUPPRESSED, the daily cap admits the rest, and {@link BlockSender}
 * sends them.
 */
@Component
class BlockProcessor {

    private final QueueStore queues;
    private final BlockStore blocks;
    private final DeliveryStore deliveries;
    private final DeliveryMoves moves;
    private final FallbackCheckStore checks;
    private final SubscriberDirectory subscribers;
    private final ItemRepository items;
    private final FrequencyCaps caps;
    private final BlockSender sender;
    private final Clock clock;

    BlockProcessor(QueueStore queues, BlockStore blocks, DeliveryStore deliveries, DeliveryMoves moves,
                   FallbackCheckStore checks, SubscriberDirectory subscribers, ItemRepository items, FrequencyCaps caps,
                   BlockSender sender, Clock clock) {
        this.queues = queues;
        this.blocks = blocks;
        this.deliveries = deliveries;
        this.moves = moves;
        this.checks = checks;
        this.subscribers = subscribers;
        this.items = items;
        this.caps = caps;
        this.sender = sender;
        this.clock = clock;
    }

    void process(Block block) {
        DispatchQueue queue = queues.find(block.queue()).orElseThrow();
        // A take-over of a block whose first owner died before moving the claim mark moves it now.
        queues.advanceClaimed(queue.id(), block.number());
        List<Recipient> pending = block.firstAttempt() ? block.recipients() : stillPending(block);
        if (queue.state().isCancelled()) {
            finish(block, pending, DeliveryState.CANCELLED, "推送计划已取消");
            return;
        }
        pending = withoutOptedOut(block, pending);
        Optional<ContentItem> item = pending.isEmpty() ? Optional.empty() : items.findById(queue.job().itemId());
        if (!pending.isEmpty() && item.isEmpty()) {
            finish(block, pending, DeliveryState.FAILED, "信息已不存在");
            return;
        }
        pending = item.isEmpty() ? pending : caps.admit(block, queue, item.get(), pending);
        if (pending.isEmpty()) {
            blocks.done(block, null);
            return;
        }
        sender.send(block, queue, item.get(), pending);
    }

    private List<Recipient> stillPending(Block block) {
        Set<String> pendingIds = new HashSet<>();
        deliveries.byIds(block.deliveryIds()).stream().filter(d -> d.state() == DeliveryState.PENDING)
                .forEach(d -> pendingIds.add(d.id()));
        return block.recipients().stream().filter(r -> pendingIds.contains(block.deliveryId(r))).toList();
    }

    /** The citizen's opt-out wins over a delivery queued before it. */
    private List<Recipient> withoutOptedOut(Block block, List<Recipient> pending) {
        Set<String> refused = subscribers.optedOutSince(block.channel(), block.optOutsSince());
        if (refused.isEmpty() || pending.isEmpty()) {
            return pending;
        }
        List<String> suppressed = pending.stream().filter(r -> refused.contains(r.subscriberId()))
                .map(block::deliveryId).toList();
        moves.moveAll(block.queue(), DeliveryState.PENDING, DeliveryState.SUPPRESSED, suppressed, "已退订");
        checks.dueNow(suppressed, clock.instant());
        return pending.stream().filter(r -> !refused.contains(r.subscriberId())).toList();
    }

    void finish(Block block, List<Recipient> pending, DeliveryState state, String reason) {
        moves.moveAll(block.queue(), DeliveryState.PENDING, state, pending.stream().map(block::deliveryId).toList(),
                reason);
        blocks.done(block, null);
    }
}
