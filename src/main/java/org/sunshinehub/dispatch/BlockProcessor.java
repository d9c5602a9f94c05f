package org.sunshinehub.dispatch;

import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunshinehub.audience.ChannelKind;
import org.sunshinehub.audience.SubscriberDirectory;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemRepository;

/**
 * Sends one claimed block: reads its deliveries by id, drops the opted-out and (for a cancelled plan) the rest,
 * renders, records on the block what is about to go out (the address map receipts are matched by), calls the
 * channel adapter, and records each outcome. Retryable outcomes leave the delivery PENDING and put the block
 * back for a later try, until the attempts run out.
 */
@Component
class BlockProcessor {

    private static final Logger log = LoggerFactory.getLogger(BlockProcessor.class);

    private final DispatchStore store;
    private final SubscriberDirectory subscribers;
    private final ItemRepository items;
    private final MessageRenderer renderer;
    private final Channels channels;
    private final DispatchProperties properties;
    private final Clock clock;

    BlockProcessor(DispatchStore store, SubscriberDirectory subscribers, ItemRepository items, MessageRenderer renderer,
                   Channels channels, DispatchProperties properties, Clock clock) {
        this.store = store;
        this.subscribers = subscribers;
        this.items = items;
        this.renderer = renderer;
        this.channels = channels;
        this.properties = properties;
        this.clock = clock;
    }

    void process(Document block) {
        String blockId = block.getString("_id");
        Document queue = store.queue(block.getString("queue")).orElseThrow();
        long start = block.get("start", Number.class).longValue();
        long end = block.get("end", Number.class).longValue();
        // A recovered block whose first owner died before moving the claim mark moves it now.
        store.advanceClaimed(queue.getString("_id"), start, end);
        List<Document> pending = pendingDeliveries(queue.getString("_id"), start, end);
        if (Queues.CANCELLED.equals(queue.getString("state"))) {
            finish(blockId, pending, DeliveryState.CANCELLED, "推送计划已取消");
            return;
        }
        ChannelKind channel = ChannelKind.of(queue.getString("channel"));
        pending = withoutOptedOut(channel, pending);
        if (pending.isEmpty()) {
            store.setBlock(blockId, Updates.set("state", "DONE"));
            return;
        }
        Optional<ContentItem> item = items.findById(queue.getString("item"));
        if (item.isEmpty()) {
            finish(blockId, pending, DeliveryState.FAILED, "信息已不存在");
            return;
        }
        send(block, queue, channel, item.get(), pending);
    }

    private List<Document> pendingDeliveries(String queueId, long start, long end) {
        List<String> ids = new ArrayList<>((int) (end - start));
        for (long seq = start; seq < end; seq++) {
            ids.add(DispatchStore.deliveryId(queueId, seq));
        }
        return store.deliveriesById(ids).stream()
                .filter(d -> DeliveryState.PENDING.name().equals(d.getString("state"))).toList();
    }

    /** The citizen's opt-out wins over a delivery queued before it. */
    private List<Document> withoutOptedOut(ChannelKind channel, List<Document> pending) {
        Set<String> refused = subscribers.optedOut(channel, pending.stream().map(d -> d.getString("subscriber")).toList());
        if (refused.isEmpty()) {
            return pending;
        }
        Instant now = clock.instant();
        store.transition(DeliveryState.PENDING, pending.stream().filter(d -> refused.contains(d.getString("subscriber")))
                .map(d -> entry(d, DispatchStore.toState(DeliveryState.SUPPRESSED, now, Updates.set("reason", "已退订"))))
                .toList());
        return pending.stream().filter(d -> !refused.contains(d.getString("subscriber"))).toList();
    }

    private void send(Document block, Document queue, ChannelKind channel, ContentItem item, List<Document> pending) {
        String blockId = block.getString("_id");
        int attempt = block.getInteger("attempts", 0) + 1;
        ChannelAdapter adapter = channels.adapter(channel);
        Map<String, Object> model = MessageRenderer.model(item, queue.getString("replyCode"), adapter.templateModel());
        List<OutboundMessage> messages = new ArrayList<>(pending.size());
        Document addresses = new Document();
        for (Document d : pending) {
            model.put("recipient", Map.of("subscriberId", d.getString("subscriber")));
            String content;
            try {
                content = renderer.render(channel, item, model);
            } catch (MessageRenderer.RenderException e) {
                finish(blockId, pending, DeliveryState.FAILED, e.getMessage());
                log.error("Block {} failed: {}", blockId, e.getMessage());
                return;
            }
            messages.add(new OutboundMessage(d.getString("_id"), d.getString("subscriber"), d.getString("address"), content));
            addresses.append(d.getString("address"), d.get("_id"));
        }
        store.setBlock(blockId, Updates.combine(Updates.set("state", "SENDING"), Updates.set("attempts", attempt),
                Updates.set("addresses", addresses)));
        List<SendOutcome> outcomes;
        try {
            outcomes = adapter.send(new OutboundBatch(blockId, attempt, item.id(), item.kind(), queue.getString("replyCode"), messages),
                    channels.throttle(channel));
        } catch (RuntimeException e) {
            log.warn("Channel {} threw on block {}: {}", channel.code(), blockId, e.toString());
            outcomes = messages.stream().map(m -> SendOutcome.retry(e.getClass().getSimpleName())).toList();
        }
        record(blockId, attempt, messages, outcomes);
    }

    private void record(String blockId, int attempt, List<OutboundMessage> messages, List<SendOutcome> outcomes) {
        Instant now = clock.instant();
        List<Map.Entry<String, Bson>> sent = new ArrayList<>();
        List<Map.Entry<String, Bson>> failed = new ArrayList<>();
        List<String> retry = new ArrayList<>();
        String retryReason = null;
        for (int i = 0; i < messages.size(); i++) {
            SendOutcome outcome = outcomes.get(i);
            String id = messages.get(i).deliveryId();
            switch (outcome.kind()) {
                case ACCEPTED -> sent.add(new AbstractMap.SimpleEntry<>(id, DispatchStore.toState(DeliveryState.SENT, now,
                        Updates.set("providerId", outcome.providerId()), Updates.set("attempts", attempt))));
                case PERMANENT -> failed.add(new AbstractMap.SimpleEntry<>(id, DispatchStore.toState(DeliveryState.FAILED,
                        now, Updates.set("reason", outcome.reason()), Updates.set("attempts", attempt))));
                case RETRY -> {
                    retry.add(id);
                    retryReason = outcome.reason();
                }
            }
        }
        store.transition(DeliveryState.PENDING, sent);
        store.transition(DeliveryState.PENDING, failed);
        if (retry.isEmpty()) {
            store.setBlock(blockId, Updates.set("state", "DONE"));
        } else if (attempt >= properties.maxAttempts()) {
            String reason = "重试 " + attempt + " 次后仍失败: " + retryReason;
            store.transition(DeliveryState.PENDING, retry.stream().map(id -> entry(id,
                    DispatchStore.toState(DeliveryState.FAILED, now, Updates.set("reason", reason),
                            Updates.set("attempts", attempt)))).toList());
            store.setBlock(blockId, Updates.combine(Updates.set("state", "DONE"), Updates.set("lastError", reason)));
            log.warn("Block {}: {} deliveries FAILED after {} attempts: {}", blockId, retry.size(), attempt, retryReason);
        } else {
            Instant at = now.plus(Backoff.after(attempt, properties.backoffInitial(), properties.backoffMax()));
            store.setBlock(blockId, Updates.combine(Updates.set("state", "RETRY"), Updates.set("lastError", retryReason),
                    Updates.set("retryAt", Date.from(at))));
            store.scheduleRetry(blockId, at);
            log.info("Block {}: {} deliveries retry at {} (attempt {} failed: {})", blockId, retry.size(), at, attempt,
                    retryReason);
        }
    }

    private void finish(String blockId, List<Document> pending, DeliveryState state, String reason) {
        Instant now = clock.instant();
        store.transition(DeliveryState.PENDING, pending.stream()
                .map(d -> entry(d, DispatchStore.toState(state, now, Updates.set("reason", reason)))).toList());
        store.setBlock(blockId, Updates.set("state", "DONE"));
    }

    private static Map.Entry<String, Bson> entry(Document delivery, Bson update) {
        return entry(delivery.getString("_id"), update);
    }

    private static Map.Entry<String, Bson> entry(String id, Bson update) {
        return new AbstractMap.SimpleEntry<>(id, update);
    }
}
