package org.sunshinehub.dispatch;

import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
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
 * Turns a queue's audience into PENDING deliveries: streams subscribers with a cursor, one batch in memory at a
 * time, and writes each batch with one unordered {@code insertMany}. Progress ({@code streamed},
 * {@code produced}) is saved after every batch; a run that resumes after a crash skips what was streamed and
 * starts its ids one batch further on, so it never reuses an id, while the unique delivery key turns every
 * repeated recipient into a no-op. Workers may claim what is produced while the fan-out still runs.
 */
@Component
class FanOut {

    private static final Logger log = LoggerFactory.getLogger(FanOut.class);

    private final DispatchStore store;
    private final SubscriberDirectory subscribers;
    private final DispatchProperties properties;
    private final Clock clock;

    FanOut(DispatchStore store, SubscriberDirectory subscribers, DispatchProperties properties, Clock clock) {
        this.store = store;
        this.subscribers = subscribers;
        this.properties = properties;
        this.clock = clock;
    }

    void run(String queueId) {
        Document queue = store.queue(queueId).orElseThrow();
        if (!Queues.FANNING_OUT.equals(queue.getString("state"))) {
            return;
        }
        ChannelKind channel = ChannelKind.of(queue.getString("channel"));
        int batchSize = properties.channel(channel).batchSize();
        int runs = queue.getInteger("fanOutRuns", 0) + 1;
        long streamedBefore = queue.get("streamed", Number.class).longValue();
        long[] seq = {queue.get("produced", Number.class).longValue() + (runs > 1 ? batchSize : 0)};
        store.setQueue(queueId, Updates.set("fanOutRuns", runs));
        Document audienceDoc = queue.get("audience", Document.class);
        AudienceSpec audience = new AudienceSpec(audienceDoc.getList("topics", String.class), audienceDoc.getBoolean("all"));
        long started = System.nanoTime();
        long streamed;
        try {
            streamed = subscribers.stream(audience, channel, streamedBefore, batchSize, (recipients, soFar) -> {
                if (!Queues.FANNING_OUT.equals(store.queue(queueId).orElseThrow().getString("state"))) {
                    throw new CancellationException();
                }
                store.insertDeliveries(documents(queue, channel, recipients, seq[0]));
                seq[0] += recipients.size();
                store.setQueue(queueId, Updates.combine(Updates.set("streamed", soFar), Updates.set("produced", seq[0])));
            });
        } catch (CancellationException e) {
            log.info("Fan-out of {} stopped: the plan was cancelled", queueId);
            return;
        }
        store.moveQueue(queueId, Queues.FANNING_OUT, Queues.READY);
        store.setQueue(queueId, Updates.set("fannedOutAt", Date.from(clock.instant())));
        log.info("Fan-out of {} done: {} subscribers read, deliveries up to #{} ({} ms{})", queueId, streamed, seq[0],
                (System.nanoTime() - started) / 1_000_000, runs > 1 ? ", resumed" : "");
    }

    private List<Document> documents(Document queue, ChannelKind channel, List<Recipient> recipients, long firstSeq) {
        List<Document> batch = new ArrayList<>(recipients.size());
        Date now = Date.from(clock.instant());
        String queueId = queue.getString("_id");
        String item = queue.getString("item");
        long seq = firstSeq;
        for (Recipient r : recipients) {
            batch.add(new Document("_id", DispatchStore.deliveryId(queueId, seq))
                    .append("plan", queue.getString("plan"))
                    .append("item", item)
                    .append("channel", channel.code())
                    .append("subscriber", r.subscriberId())
                    .append("address", r.address())
                    .append("key", item + ":" + channel.code() + ":" + r.subscriberId())
                    .append("state", DeliveryState.PENDING.name())
                    .append("createdAt", now));
            seq++;
        }
        return batch;
    }
}
