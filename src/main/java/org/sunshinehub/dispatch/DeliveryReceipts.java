package org.sunshinehub.dispatch;

import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies providers' receipts: the batch id names the block, whose manifest names the delivery. A receipt
 * moves a SENT delivery to DELIVERED or UNDELIVERED once; a repeated receipt matches nothing and changes
 * nothing. A receipt that overtakes the SENT write finds the delivery still PENDING and applies to it.
 */
@Service
public class DeliveryReceipts {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReceipts.class);
    private static final int CACHED_BLOCKS = 256;

    private final DispatchStore store;
    private final Clock clock;
    private final Map<String, Map<String, String>> blocks = new LinkedHashMap<>(CACHED_BLOCKS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, String>> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };

    DeliveryReceipts(DispatchStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @return how many receipts named a delivery this hub knows */
    public int apply(List<Receipt> receipts) {
        Instant now = clock.instant();
        Map<DeliveryState, List<Map.Entry<String, Bson>>> updates = new java.util.EnumMap<>(DeliveryState.class);
        int known = 0;
        for (Receipt receipt : receipts) {
            if (receipt.batchId() != null && receipt.batchId().startsWith(Notices.PREFIX)) {
                continue;
            }
            Optional<String> delivery = deliveryOf(receipt);
            if (delivery.isEmpty()) {
                log.warn("Receipt for unknown batch {} ignored", receipt.batchId());
                continue;
            }
            DeliveryState state = receipt.outcome().state();
            updates.computeIfAbsent(state, s -> new ArrayList<>()).add(new AbstractMap.SimpleEntry<>(delivery.get(),
                    DispatchStore.toState(state, now, Updates.set("receiptCode", receipt.code()),
                            Updates.set("receiptAt", java.util.Date.from(now)))));
            known++;
        }
        updates.forEach((state, batch) -> {
            if (store.transition(DeliveryState.SENT, state, batch) < batch.size()) {
                // A receipt can overtake the worker's SENT write. States only move forward, so trying PENDING
                // and then SENT cannot miss a delivery that moves in between; repeats match neither.
                batch.forEach(u -> {
                    if (!store.transitionOne(u.getKey(), DeliveryState.PENDING, state, u.getValue())) {
                        store.transitionOne(u.getKey(), DeliveryState.SENT, state, u.getValue());
                    }
                });
            }
            if (state != DeliveryState.DELIVERED) {
                // after the state is written, so a fallback sweep reads the receipt's state
                store.fallBackNow(batch.stream().map(Map.Entry::getKey).toList(), now);
            }
        });
        return known;
    }

    /** A broadcast's result for a whole batch (e.g. WeChat's mass-send counts), kept on its block. */
    public void applyBroadcast(String batchId, Map<String, Object> result) {
        store.setBlock(batchId.split("#", 2)[0], Updates.set("broadcastResult", new Document(result)));
    }

    /** The block's manifest, as address → delivery id, cached: receipts of one block come in bursts. */
    private Optional<String> deliveryOf(Receipt receipt) {
        String blockId = receipt.batchId() == null ? "" : receipt.batchId().split("#", 2)[0];
        Map<String, String> byAddress;
        synchronized (blocks) {
            byAddress = blocks.get(blockId);
        }
        if (byAddress == null) {
            Optional<Document> block = store.block(blockId);
            if (block.isEmpty()) {
                return Optional.empty();
            }
            byAddress = new java.util.HashMap<>();
            for (BlockProcessor.Entry e : BlockProcessor.manifest(block.get())) {
                byAddress.put(e.address(), e.deliveryId());
            }
            synchronized (blocks) {
                blocks.put(blockId, byAddress);
            }
        }
        return Optional.ofNullable(byAddress.get(receipt.address()));
    }
}
