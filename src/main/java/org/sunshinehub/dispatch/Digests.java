package org.sunshinehub.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunshinehub.audience.Recipient;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemRepository;

/**
 * Messages over a citizen's daily cap in a {@code digest} plan: their deliveries become DIGESTED and their items
 * gather in a digest (one per channel, citizen and morning), sent the next morning as one message rendered from
 * {@code templates/<channel>/digest.ftl}, which counts against that day's cap. The queue a line came from waits
 * for the digest to settle before it completes.
 */
@Component
class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);
    private static final int SWEEP_LIMIT = 200;

    private final DigestStore digests;
    private final QueueStore queues;
    private final QueueCompletion completion;
    private final DeliveryMoves moves;
    private final Notices notices;
    private final ItemRepository items;
    private final CapCounters counters;
    private final DispatchProperties properties;
    private final Clock clock;

    Digests(DigestStore digests, QueueStore queues, QueueCompletion completion, DeliveryMoves moves, Notices notices,
            ItemRepository items, CapCounters counters, DispatchProperties properties, Clock clock) {
        this.digests = digests;
        this.queues = queues;
        this.completion = completion;
        this.moves = moves;
        this.notices = notices;
        this.items = items;
        this.counters = counters;
        this.properties = properties;
        this.clock = clock;
    }

    void add(Block block, DispatchQueue queue, List<Recipient> over, ContentItem item, Instant morning) {
        DigestStore.Line line = new DigestStore.Line(item.id(), item.fields().title(),
                item.fields().url() == null ? "" : item.fields().url(), queue.id());
        long added = over.stream().filter(r -> digests.add(block.channel(), r, morning, line)).count();
        queues.addDigestsOpen(queue.id(), added);
        moves.moveAll(queue.id(), DeliveryState.PENDING, DeliveryState.DIGESTED,
                over.stream().map(block::deliveryId).toList(), "超过当日上限，并入次日摘要");
    }

    /** Sends the digests that are due. */
    void sweep() {
        Instant now = clock.instant();
        digests.due(now, SWEEP_LIMIT).stream().filter(d -> digests.take(d, now.plus(properties.lease())))
                .forEach(d -> send(d, now));
    }

    private void send(DigestStore.Digest digest, Instant now) {
        ContentItem first = items.findById(digest.lines().get(0).itemId()).orElse(null);
        if (first == null) {
            settle(digest, DigestStore.State.FAILED, "信息已不存在");
            return;
        }
        Map<String, Object> summary = Map.of("count", digest.lines().size(), "items", digest.lines().stream()
                .map(l -> Map.of("title", l.title(), "url", l.url())).toList());
        SendOutcome outcome = notices.send(digest.channel(), digest.address(), first, "digest",
                Map.of("digest", summary), "digest:" + digest.id());
        switch (outcome.kind()) {
            case ACCEPTED -> {
                if (settle(digest, DigestStore.State.SENT, null)) {
                    counters.count(digest.channel(), digest.subscriber(), now);
                    log.info("Digest of {} items sent on {}", digest.lines().size(), digest.channel().code());
                }
            }
            case PERMANENT -> settle(digest, DigestStore.State.FAILED, outcome.reason());
            case RETRY, HOLD -> digests.retryAt(digest, now.plus(Backoff.after(digest.attempts() + 1,
                    properties.backoffInitial(), properties.backoffMax())), outcome.reason());
        }
    }

    private boolean settle(DigestStore.Digest digest, DigestStore.State state, String reason) {
        if (!digests.settle(digest.id(), state, reason)) {
            return false;
        }
        digest.lines().forEach(l -> queues.addDigestsOpen(l.queue(), -1).ifPresent(completion::check));
        return true;
    }
}
