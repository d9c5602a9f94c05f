package org.sunshinehub.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import org.sunshinehub.audience.Recipient;

/**
 * One round of a fan-out: one unordered {@code insertMany} of deliveries, then its blocks, each of whose manifests
 * names exactly the deliveries its chunk created, then the progress. A recipient who already has a delivery of this
 * item on this channel (from another plan) is left out, unless the plan resends and that delivery failed: then it
 * moves to this plan. A resumed run takes back deliveries of its own queue inserted but never put in a block.
 */
@Component
class FanOutBatch {

    private final QueueStore queues;
    private final BlockStore blocks;
    private final DeliveryStore deliveries;
    private final FallbackCheckStore checks;
    private final DispatchProperties properties;
    private final Resends resends;
    private final Clock clock;

    FanOutBatch(QueueStore queues, BlockStore blocks, DeliveryStore deliveries, FallbackCheckStore checks,
                Resends resends, DispatchProperties properties, Clock clock) {
        this.resends = resends;
        this.queues = queues;
        this.blocks = blocks;
        this.deliveries = deliveries;
        this.checks = checks;
        this.properties = properties;
        this.clock = clock;
    }

    /** Where one run of a fan-out stands. */
    static final class Run {
        final DispatchQueue queue;
        final String id;
        long streamed;
        long blocks;
        long produced;

        Run(DispatchQueue queue, String id, DispatchQueue.FanOutProgress progress) {
            this.queue = queue;
            this.id = id;
            this.streamed = progress.streamed();
            this.blocks = progress.blocks();
            this.produced = progress.produced();
        }

        boolean resumed() {
            return queue.progress().runs() > 1;
        }
    }

    /** One block's worth of the audience: its reachable recipients, and how many subscribers were read by its end. */
    record Chunk(List<Recipient> recipients, long streamedAfter) {
    }

    /** Writes the chunks' deliveries, then their blocks, then the progress: three round trips for them all. */
    void write(Run run, List<Chunk> chunks) {
        DispatchQueue queue = run.queue;
        Instant readAt = clock.instant();
        if (!queues.renewFanOut(queue.id(), run.id, readAt.plus(properties.lease()))) {
            throw new CancellationException();
        }
        List<Recipient> recipients = chunks.stream().flatMap(c -> c.recipients().stream()).toList();
        List<Delivery> batch = recipients.stream().map(r -> Delivery.pending(queue, r.subscriberId(), r.address(),
                queue.fallbackAfter(), null, readAt)).toList();
        Set<Integer> taken = new HashSet<>(deliveries.insertNew(batch));
        if (!taken.isEmpty()) {
            taken.removeAll(ours(run, batch, taken, readAt));
        }
        if (!queue.fallbackAfter().isEmpty()) {
            List<String> ids = IntStream.range(0, batch.size()).filter(i -> !taken.contains(i))
                    .mapToObj(i -> batch.get(i).id()).toList();
            queues.addFallbacksOpen(queue.id(), checks.insert(queue.id(), ids, readAt.plus(properties.fallbackAfter())));
        }
        List<Block> written = new ArrayList<>();
        int from = 0;
        for (Chunk chunk : chunks) {
            int start = from;
            List<Recipient> manifest = IntStream.range(start, start + chunk.recipients().size())
                    .filter(i -> !taken.contains(i)).mapToObj(recipients::get).toList();
            from += chunk.recipients().size();
            if (!manifest.isEmpty()) {
                written.add(new Block(Block.id(queue.id(), run.blocks + written.size()), queue.id(),
                        run.blocks + written.size(), queue.job().deliveryKey(), queue.channel(), BlockState.READY, 0, 0,
                        readAt.minus(FanOut.OPT_OUT_MARGIN), manifest, chunk.streamedAfter()));
            }
        }
        blocks.insertAll(written);
        long added = written.stream().mapToLong(b -> b.recipients().size()).sum();
        run.blocks += written.size();
        run.produced += added;
        run.streamed = chunks.get(chunks.size() - 1).streamedAfter();
        queues.saveProgress(queue.id(), run.streamed, run.blocks, run.produced, added);
    }

    /**
     * Of the deliveries that already existed, those this queue may send: its own, inserted before a crash and
     * never put in a block, and, when the plan resends, failed ones of earlier plans, which move to this queue.
     */
    private Set<Integer> ours(Run run, List<Delivery> batch, Set<Integer> existing, Instant now) {
        if (!run.resumed() && !run.queue.job().resend()) {
            return Set.of();
        }
        List<String> ids = existing.stream().map(i -> batch.get(i).id()).toList();
        Set<String> ours = new HashSet<>();
        List<Delivery> resend = new ArrayList<>();
        for (Delivery d : deliveries.byIds(ids)) {
            if (run.queue.id().equals(d.queue()) && d.state() == DeliveryState.PENDING) {
                ours.add(d.id());
            } else if (run.queue.job().resend() && DeliveryState.resendable().contains(d.state())) {
                resend.add(d);
            }
        }
        ours.addAll(resends.adopt(run.queue, resend, now));
        Set<Integer> positions = new HashSet<>();
        for (int i : existing) {
            if (ours.contains(batch.get(i).id())) {
                positions.add(i);
            }
        }
        return positions;
    }
}
