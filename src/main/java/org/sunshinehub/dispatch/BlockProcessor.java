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
import org.sunshinehub.content.ItemLinks;
import org.sunshinehub.content.ItemRepository;

/**
 * Sends one claimed block. A first attempt takes its recipients from the block's manifest; a retry or a
 * take-over reads the deliveries and keeps those still PENDING. Then: the rest of a cancelled plan is
 * CANCELLED, citizens who opted out since the fan-out are SUPPRESSED, the message is rendered, the block is
 * marked SENDING, the channel adapter is called and each outcome recorded. Retryable outcomes leave the
 * delivery PENDING and put the block back for a later try, until the attempts run out.
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
    private final ItemLinks links;
    private final FrequencyCaps caps;

    BlockProcessor(DispatchStore store, SubscriberDirectory subscribers, ItemRepository items, MessageRenderer renderer,
                   Channels channels, DispatchProperties properties, Clock clock, ItemLinks links, FrequencyCaps caps) {
        this.caps = caps;
        this.links = links;
        this.store = store;
        this.subscribers = subscribers;
        this.items = items;
        this.renderer = renderer;
        this.channels = channels;
        this.properties = properties;
        this.clock = clock;
    }

    /** One delivery of the block: who, where, and its id. */
    record Entry(String deliveryId, String subscriberId, String address) {
    }

    void process(Document block) {
        String blockId = block.getString("_id");
        Document queue = store.queue(block.getString("queue")).orElseThrow();
        // A take-over of a block whose first owner died before moving the claim mark moves it now.
        store.advanceClaimed(queue.getString("_id"), block.get("number", Number.class).longValue());
        List<Entry> pending = block.getInteger("attempts", 0) == 0 ? manifest(block) : stillPending(block);
        if (Queues.CANCELLED.equals(queue.getString("state"))) {
            finish(blockId, pending, DeliveryState.CANCELLED, "推送计划已取消");
            return;
        }
        ChannelKind channel = ChannelKind.of(block.getString("channel"));
        pending = withoutOptedOut(channel, block, pending);
        if (pending.isEmpty()) {
            store.setBlock(blockId, Updates.set("state", "DONE"));
            return;
        }
        Optional<ContentItem> item = items.findById(block.getString("item"));
        if (item.isEmpty()) {
            finish(blockId, pending, DeliveryState.FAILED, "信息已不存在");
            return;
        }
        pending = caps.admit(block, queue, channel, item.get(), pending);
        if (pending.isEmpty()) {
            store.setBlock(blockId, Updates.set("state", "DONE"));
            return;
        }
        send(block, queue, channel, item.get(), pending);
    }

    static List<Entry> manifest(Document block) {
        List<String> subscriberIds = block.getList("subscribers", String.class);
        List<String> addresses = block.getList("addresses", String.class);
        List<Entry> entries = new ArrayList<>(subscriberIds.size());
        for (int i = 0; i < subscriberIds.size(); i++) {
            entries.add(new Entry(DispatchStore.deliveryId(block.getString("deliveryKey"), block.getString("channel"),
                    subscriberIds.get(i)), subscriberIds.get(i), addresses.get(i)));
        }
        return entries;
    }

    private List<Entry> stillPending(Document block) {
        List<Entry> all = manifest(block);
        Set<String> pendingIds = new java.util.HashSet<>();
        store.deliveriesById(all.stream().map(Entry::deliveryId).toList()).stream()
                .filter(d -> DeliveryState.PENDING.name().equals(d.getString("state")))
                .forEach(d -> pendingIds.add(d.getString("_id")));
        return all.stream().filter(e -> pendingIds.contains(e.deliveryId())).toList();
    }

    /** The citizen's opt-out wins over a delivery queued before it. */
    private List<Entry> withoutOptedOut(ChannelKind channel, Document block, List<Entry> pending) {
        Set<String> refused = subscribers.optedOutSince(channel, block.getDate("optOutsSince").toInstant());
        if (refused.isEmpty()) {
            return pending;
        }
        Instant now = clock.instant();
        List<Map.Entry<String, Bson>> suppressed = pending.stream().filter(e -> refused.contains(e.subscriberId()))
                .map(e -> entry(e.deliveryId(), DispatchStore.toState(DeliveryState.SUPPRESSED, now,
                        Updates.set("reason", "已退订")))).toList();
        store.transition(DeliveryState.PENDING, DeliveryState.SUPPRESSED, suppressed);
        store.fallBackNow(suppressed.stream().map(Map.Entry::getKey).toList(), now);
        return pending.stream().filter(e -> !refused.contains(e.subscriberId())).toList();
    }

    private void send(Document block, Document queue, ChannelKind channel, ContentItem item, List<Entry> pending) {
        String blockId = block.getString("_id");
        int attempt = block.getInteger("attempts", 0) + 1;
        ChannelAdapter adapter = channels.adapter(channel);
        Map<String, Object> model = MessageRenderer.model(item, links.related(item), queue.getString("replyCode"),
                adapter.templateModel());
        String template = MessageRenderer.templateOf(item.kind())
                + (queue.getString("template") == null ? "" : "-" + queue.getString("template"));
        List<OutboundMessage> messages = new ArrayList<>(pending.size());
        for (Entry e : pending) {
            model.put("recipient", Map.of("subscriberId", e.subscriberId()));
            try {
                messages.add(new OutboundMessage(e.deliveryId(), e.subscriberId(), e.address(),
                        renderer.render(channel, template, model)));
            } catch (MessageRenderer.RenderException ex) {
                finish(blockId, pending, DeliveryState.FAILED, ex.getMessage());
                log.error("Block {} failed: {}", blockId, ex.getMessage());
                return;
            }
        }
        store.setBlock(blockId, Updates.combine(Updates.set("state", "SENDING"), Updates.set("attempts", attempt)));
        List<SendOutcome> outcomes;
        try {
            outcomes = adapter.send(new OutboundBatch(blockId, attempt, item.id(), template,
                    queue.getString("replyCode"), queue.getBoolean("broadcast", false), messages),
                    channels.throttle(channel));
        } catch (RuntimeException e) {
            log.warn("Channel {} threw on block {}: {}", channel.code(), blockId, e.toString());
            outcomes = messages.stream().map(m -> SendOutcome.retry(e.getClass().getSimpleName())).toList();
        }
        record(blockId, attempt, block.getInteger("holds", 0), messages, outcomes);
    }

    private void record(String blockId, int attempt, int holds, List<OutboundMessage> messages,
                        List<SendOutcome> outcomes) {
        Instant now = clock.instant();
        List<Map.Entry<String, Bson>> sent = new ArrayList<>();
        List<Map.Entry<String, Bson>> failed = new ArrayList<>();
        List<String> retry = new ArrayList<>();
        String retryReason = null;
        boolean held = false;
        Instant holdUntil = now.plus(properties.holdRetry());
        for (int i = 0; i < messages.size(); i++) {
            SendOutcome outcome = outcomes.get(i);
            String id = messages.get(i).deliveryId();
            switch (outcome.kind()) {
                case ACCEPTED -> sent.add(entry(id, DispatchStore.toState(DeliveryState.SENT, now,
                        Updates.set("providerId", outcome.providerId()), Updates.set("attempts", attempt))));
                case PERMANENT -> failed.add(entry(id, DispatchStore.toState(DeliveryState.FAILED, now,
                        Updates.set("reason", outcome.reason()), Updates.set("attempts", attempt))));
                case RETRY, HOLD -> {
                    retry.add(id);
                    retryReason = outcome.reason();
                    if (outcome.kind() == SendOutcome.Kind.HOLD) {
                        held = true;
                        holdUntil = outcome.notBefore() != null ? outcome.notBefore() : holdUntil;
                    }
                }
            }
        }
        store.transition(DeliveryState.PENDING, DeliveryState.SENT, sent);
        store.transition(DeliveryState.PENDING, DeliveryState.FAILED, failed);
        store.fallBackNow(failed.stream().map(Map.Entry::getKey).toList(), now);
        int countedHolds = holds + (held ? 1 : 0);
        if (retry.isEmpty()) {
            store.setBlock(blockId, Updates.set("state", "DONE"));
        } else if (held) {
            Instant at = holdUntil;
            store.setBlock(blockId, Updates.combine(Updates.set("state", "RETRY"), Updates.set("lastError", retryReason),
                    Updates.set("retryAt", Date.from(at)), Updates.set("holds", countedHolds)));
            store.scheduleRetry(blockId, at);
            log.warn("Block {}: channel held ({}); {} deliveries wait until {}", blockId, retryReason, retry.size(), at);
        } else if (attempt - holds >= properties.maxAttempts()) {
            String reason = "重试 " + attempt + " 次后仍失败: " + retryReason;
            store.transition(DeliveryState.PENDING, DeliveryState.FAILED, retry.stream().map(id -> entry(id,
                    DispatchStore.toState(DeliveryState.FAILED, now, Updates.set("reason", reason),
                            Updates.set("attempts", attempt)))).toList());
            store.fallBackNow(retry, now);
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

    private void finish(String blockId, List<Entry> pending, DeliveryState state, String reason) {
        Instant now = clock.instant();
        store.transition(DeliveryState.PENDING, state, pending.stream()
                .map(e -> entry(e.deliveryId(), DispatchStore.toState(state, now, Updates.set("reason", reason))))
                .toList());
        store.setBlock(blockId, Updates.set("state", "DONE"));
    }

    private static Map.Entry<String, Bson> entry(String id, Bson update) {
        return new AbstractMap.SimpleEntry<>(id, update);
    }
}
