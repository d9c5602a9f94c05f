package org.sunshinehub.dispatch;

import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunshinehub.audience.AudienceSpec;
import org.sunshinehub.audience.ChannelKind;
import org.sunshinehub.audience.Recipient;
import org.sunshinehub.audience.SubscriberDirectory;

/**
 * Turns a queue's audience into PENDING deliveries and numbered blocks: streams subscribers with a cursor, one
 * batch in memory at a time; per batch one unordered {@code insertMany} of deliveries, then one block document
 * whose manifest names exactly the deliveries this batch created, then the progress ({@code streamed},
 * {@code blocks}). A recipient who already has a delivery of this item on this channel (from another plan) is
 * left out. A run resuming after a crash skips what was streamed, adopts a block written just before the crash,
 * and takes back deliveries of its own queue that were inserted but never put in a block.
 */
@Component
class FanOut {

    /** Opt-outs from this long before a batch was read are checked again at dispatch (clock skew margin). */
    static final Duration OPT_OUT_MARGIN = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(FanOut.class);

    private final DispatchStore store;
    private final SubscriberDirectory subscribers;
    private final DispatchProperties properties;
    private final Clock clock;
    private final Channels channels;

    FanOut(DispatchStore store, SubscriberDirectory subscribers, DispatchProperties properties, Clock clock,
           Channels channels) {
        this.channels = channels;
        this.store = store;
        this.subscribers = subscribers;
        this.properties = properties;
        this.clock = clock;
    }

    /** Fans the queue out unless another run holds its lease; {@code instance} names this instance. */
    void run(String queueId, String instance) {
        Instant leasedAt = clock.instant();
        String run = instance + ":" + UUID.randomUUID();
        if (!store.takeFanOut(queueId, instance, run, leasedAt, leasedAt.plus(properties.lease()))) {
            return;
        }
        Document queue = store.queue(queueId).orElseThrow();
        boolean resumed = queue.getInteger("fanOutRuns", 0) > 0;
        store.setQueue(queueId, Updates.inc("fanOutRuns", 1));
        Progress progress = new Progress(run, queue.get("streamed", Number.class).longValue(),
                queue.get("blocks", Number.class).longValue(), queue.get("produced", Number.class).longValue());
        adoptBlockWrittenBeforeCrash(queueId, progress);
        ChannelKind channel = ChannelKind.of(queue.getString("channel"));
        AudienceSpec audience = AudienceSpec.fromDocument(queue.get("audience", Document.class));
        long started = System.nanoTime();
        List<Recipient> accounts = channels.has(channel) ? channels.adapter(channel).broadcastAudience() : List.of();
        try {
            if (!accounts.isEmpty()) {
                if (progress.streamed == 0) {
                    batch(queue, channel, accounts, accounts.size(), progress, resumed);
                }
            } else {
                // In a fallback plan a citizen belongs to the first channel in the order that reaches them.
                List<ChannelKind> before = codes(queue, "fallbackBefore");
                subscribers.stream(audience, channel, progress.streamed, properties.channel(channel).batchSize(),
                        s -> before.stream().noneMatch(c -> s.reachableOn(c) && channels.has(c)),
                        (recipients, soFar) -> batch(queue, channel, recipients, soFar, progress, resumed));
            }
        } catch (CancellationException e) {
            log.info("Fan-out of {} stopped: the plan was cancelled, or another instance took the fan-out over", queueId);
            return;
        }
        store.moveQueue(queueId, Queues.FANNING_OUT, Queues.READY);
        store.setQueue(queueId, Updates.set("fannedOutAt", Date.from(clock.instant())));
        log.info("Fan-out of {} done: {} subscribers read, {} deliveries in {} blocks ({} ms{})", queueId,
                progress.streamed, progress.produced, progress.blocks, (System.nanoTime() - started) / 1_000_000,
                resumed ? ", resumed" : "");
    }

    private void batch(Document queue, ChannelKind channel, List<Recipient> recipients, long soFar, Progress progress,
                       boolean resumed) {
        String queueId = queue.getString("_id");
        Instant readAt = clock.instant();
        if (!store.renewFanOut(queueId, progress.run, readAt.plus(properties.lease()))) {
            throw new CancellationException();
        }
        List<Document> deliveries = deliveries(queue, channel, recipients, readAt);
        Set<Integer> existing = store.insertDeliveries(deliveries);
        if (resumed && !existing.isEmpty()) {
            existing = new HashSet<>(existing);
            existing.removeAll(orphansOfThisQueue(queueId, deliveries, existing));
        }
        if (!codes(queue, "fallbackAfter").isEmpty()) {
            Set<Integer> taken = existing;
            store.insertFallbackChecks(java.util.stream.IntStream.range(0, deliveries.size()).filter(i -> !taken.contains(i))
                    .mapToObj(i -> deliveries.get(i).getString("_id")).toList(), readAt.plus(properties.fallbackAfter()));
        }
        List<String> manifestSubscribers = new ArrayList<>();
        List<String> manifestAddresses = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            if (!existing.contains(i)) {
                manifestSubscribers.add(recipients.get(i).subscriberId());
                manifestAddresses.add(recipients.get(i).address());
            }
        }
        if (!manifestSubscribers.isEmpty()) {
            store.insertBlock(new Document("_id", DispatchStore.blockId(queueId, progress.blocks))
                    .append("queue", queueId).append("number", progress.blocks)
                    .append("item", queue.getString("item")).append("deliveryKey", queue.getString("deliveryKey"))
                    .append("channel", channel.code())
                    .append("state", "READY").append("attempts", 0)
                    .append("optOutsSince", Date.from(readAt.minus(OPT_OUT_MARGIN)))
                    .append("subscribers", manifestSubscribers).append("addresses", manifestAddresses)
                    .append("streamedAfter", soFar));
            progress.blocks++;
            progress.produced += manifestSubscribers.size();
        }
        progress.streamed = soFar;
        store.setQueue(queueId, Updates.combine(Updates.set("streamed", soFar), Updates.set("blocks", progress.blocks),
                Updates.set("produced", progress.produced)));
    }

    /** A crash between writing a block and saving progress: the block stands, progress moves past it. */
    private void adoptBlockWrittenBeforeCrash(String queueId, Progress progress) {
        store.block(DispatchStore.blockId(queueId, progress.blocks)).ifPresent(block -> {
            progress.streamed = block.get("streamedAfter", Number.class).longValue();
            progress.produced += block.getList("subscribers", String.class).size();
            progress.blocks++;
            store.setQueue(queueId, Updates.combine(Updates.set("streamed", progress.streamed),
                    Updates.set("blocks", progress.blocks), Updates.set("produced", progress.produced)));
        });
    }

    /** Of the deliveries that already existed, those this queue inserted before a crash and never put in a block. */
    private Set<Integer> orphansOfThisQueue(String queueId, List<Document> deliveries, Set<Integer> existing) {
        List<String> ids = existing.stream().map(i -> deliveries.get(i).getString("_id")).toList();
        Set<String> ours = new HashSet<>();
        for (Document d : store.deliveriesById(ids)) {
            if (queueId.equals(d.getString("queue")) && DeliveryState.PENDING.name().equals(d.getString("state"))) {
                ours.add(d.getString("_id"));
            }
        }
        Set<Integer> orphans = new HashSet<>();
        for (int i : existing) {
            if (ours.contains(deliveries.get(i).getString("_id"))) {
                orphans.add(i);
            }
        }
        return orphans;
    }

    private static List<Document> deliveries(Document queue, ChannelKind channel, List<Recipient> recipients,
                                             Instant now) {
        List<Document> batch = new ArrayList<>(recipients.size());
        Date created = Date.from(now);
        String item = queue.getString("item");
        String key = queue.getString("deliveryKey");
        for (Recipient r : recipients) {
            batch.add(new Document("_id", DispatchStore.deliveryId(key, channel.code(), r.subscriberId()))
                    .append("plan", queue.getString("plan"))
                    .append("queue", queue.getString("_id"))
                    .append("item", item)
                    .append("channel", channel.code())
                    .append("subscriber", r.subscriberId())
                    .append("address", r.address())
                    .append("state", DeliveryState.PENDING.name())
                    .append("fallbackAfter", queue.getList("fallbackAfter", String.class, List.of()))
                    .append("createdAt", created));
        }
        return batch;
    }

    static List<ChannelKind> codes(Document queue, String field) {
        return queue.getList(field, String.class, List.of()).stream().map(ChannelKind::of).toList();
    }

    /** Where a fan-out stands; saved after every batch. */
    private static final class Progress {
        final String run;
        long streamed;
        long blocks;
        long produced;

        Progress(String run, long streamed, long blocks, long produced) {
            this.run = run;
            this.streamed = streamed;
            this.blocks = blocks;
            this.produced = produced;
        }
    }
}
