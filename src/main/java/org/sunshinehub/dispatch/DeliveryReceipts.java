package org.sunshinehub.dispatch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Applies providers' receipts: the batch id names the block, whose manifest names the delivery. A receipt moves a
 * SENT delivery to DELIVERED or UNDELIVERED once; a repeated receipt matches nothing and changes nothing. A
 * receipt that overtakes the SENT write finds the delivery still PENDING and applies to it.
 */
@NamedInterface("spi")
@Service
public class DeliveryReceipts {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReceipts.class);
    private static final int CACHED_BLOCKS = 256;

    private final BlockStore blocks;
    private final QueueStore queues;
    private final DeliveryMoves moves;
    private final FallbackCheckStore checks;
    private final DispatchMeters meters;
    private final Clock clock;
    private final Map<String, Manifest> manifests = new LinkedHashMap<>(CACHED_BLOCKS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Manifest> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };

    DeliveryReceipts(BlockStore blocks, QueueStore queues, DeliveryMoves moves, FallbackCheckStore checks, DispatchMeters meters,
                     Clock clock) {
        this.meters = meters;
        this.blocks = blocks;
        this.queues = queues;
        this.moves = moves;
        this.checks = checks;
        this.clock = clock;
    }

    /**
     * A block's manifest as address → delivery id, cached: receipts of one block come in bursts.
     *
     * @param fallbacks false when the queue's plan has no fallback order, so none of its deliveries has a check
     */
    private record Manifest(String queue, boolean fallbacks, Map<String, String> byAddress) {
    }

    /** The deliveries one receipt state applies to, grouped by queue. */
    private record Target(String queue, boolean fallbacks, DeliveryState state) {
    }

    /** @return how many receipts named a delivery this hub knows */
    public int apply(List<Receipt> receipts) {
        Map<Target, List<Delivery.Change>> changes = new HashMap<>();
        int known = 0;
        for (Receipt receipt : receipts) {
            if (receipt.batchId() != null && receipt.batchId().startsWith(Notices.PREFIX)) {
                continue;
            }
            Optional<Manifest> manifest = manifestOf(blockId(receipt.batchId()));
            String delivery = manifest.map(m -> m.byAddress().get(receipt.address())).orElse(null);
            if (delivery == null) {
                log.warn("Receipt for unknown batch {} ignored", receipt.batchId());
                continue;
            }
            changes.computeIfAbsent(new Target(manifest.get().queue(), manifest.get().fallbacks(),
                            receipt.outcome().state()), t -> new ArrayList<>())
                    .add(new Delivery.Change(delivery, null, null, null, receipt.code()));
            known++;
        }
        changes.forEach(this::apply);
        return known;
    }

    private void apply(Target target, List<Delivery.Change> batch) {
        long moved = moves.move(target.queue(), DeliveryState.SENT, target.state(), batch);
        // A receipt can overtake the worker's SENT write. States only move forward, so trying PENDING and then SENT
        // again cannot miss a delivery that moves in between; those already moved and repeats match neither. Each
        // try is one change per page, whatever the batch size.
        if (moved < batch.size()) {
            moved += moves.move(target.queue(), DeliveryState.PENDING, target.state(), batch);
        }
        if (moved < batch.size()) {
            moved += moves.move(target.queue(), DeliveryState.SENT, target.state(), batch);
        }
        meters.receipts(target.queue(), moved, batch.size() - moved);
        if (!target.fallbacks()) {
            return;
        }
        List<String> ids = batch.stream().map(Delivery.Change::deliveryId).toList();
        if (target.state() == DeliveryState.DELIVERED) {
            moves.reached(target.queue(), ids);
        } else {
            // after the state is written, so a fallback sweep reads the receipt's state
            checks.dueNow(ids, clock.instant());
        }
    }

    /** A broadcast's result for a whole batch (e.g. WeChat's mass-send counts), kept on its block. */
    public void applyBroadcast(String batchId, Map<String, Object> result) {
        blocks.setBroadcastResult(blockId(batchId), result);
    }

    private static String blockId(String batchId) {
        return batchId == null ? "" : batchId.split("#", 2)[0];
    }

    private Optional<Manifest> manifestOf(String blockId) {
        synchronized (manifests) {
            Manifest cached = manifests.get(blockId);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Optional<Manifest> read = blocks.find(blockId).map(b -> {
            Map<String, String> byAddress = new HashMap<>();
            b.recipients().forEach(r -> byAddress.put(r.address(), b.deliveryId(r)));
            boolean fallbacks = queues.find(b.queue()).map(q -> !q.job().fallbackOrder().isEmpty()).orElse(true);
            return new Manifest(b.queue(), fallbacks, byAddress);
        });
        read.ifPresent(m -> {
            synchronized (manifests) {
                manifests.put(blockId, m);
            }
        });
        return read;
    }
}
