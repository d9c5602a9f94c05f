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
 * Applies providers' receipts: the batch id names the block, whose address map names the delivery. A receipt
 * moves a SENT delivery to DELIVERED or UNDELIVERED once; a repeated receipt matches nothing and changes
 * nothing. A receipt that overtakes the SENT write finds the delivery still PENDING and applies to it.
 */
@Service
public class DeliveryReceipts {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReceipts.class);
    private static final int CACHED_BLOCKS = 256;

    private final DispatchStore store;
    private final Clock clock;
    private final Map<String, Document> blocks = new LinkedHashMap<>(CACHED_BLOCKS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
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
        List<Map.Entry<String, Bson>> updates = new ArrayList<>(receipts.size());
        for (Receipt receipt : receipts) {
            Optional<String> delivery = deliveryOf(receipt);
            if (delivery.isEmpty()) {
                log.warn("Receipt for unknown batch {} ignored", receipt.batchId());
                continue;
            }
            DeliveryState state = receipt.delivered() ? DeliveryState.DELIVERED : DeliveryState.UNDELIVERED;
            updates.add(new AbstractMap.SimpleEntry<>(delivery.get(), DispatchStore.toState(state, now,
                    Updates.set("receiptCode", receipt.code()), Updates.set("receiptAt", java.util.Date.from(now)))));
        }
        long matched = store.transition(DeliveryState.SENT, updates);
        if (matched < updates.size()) {
            // Repeats match nothing here either; early receipts find their delivery still PENDING.
            updates.forEach(u -> store.transitionOne(u.getKey(), DeliveryState.PENDING, u.getValue()));
        }
        return updates.size();
    }

    private Optional<String> deliveryOf(Receipt receipt) {
        String blockId = receipt.batchId() == null ? "" : receipt.batchId().split("#", 2)[0];
        Document block;
        synchronized (blocks) {
            block = blocks.get(blockId);
        }
        if (block == null || !block.containsKey("addresses")) {
            block = store.block(blockId).orElse(null);
            if (block == null) {
                return Optional.empty();
            }
            synchronized (blocks) {
                blocks.put(blockId, block);
            }
        }
        Document addresses = block.get("addresses", Document.class);
        return Optional.ofNullable(addresses == null ? null : addresses.getString(receipt.address()));
    }
}
