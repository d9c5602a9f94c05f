package org.sunshinehub.dispatch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;
import org.sunshinehub.channelkind.ChannelKind;

/**
 * Dispatch's meters. Counters are counted where deliveries move; the queue gauges read a snapshot of the small
 * collections ({@code dispatchQueues}, {@code dispatchRetries}, {@code channelAlerts}) taken at most every
 * {@link #SNAPSHOT_AGE}, whatever the number of scrapes, and never read {@code deliveries} or the blocks.
 */
@Component
class DispatchMeters {

    static final Duration SNAPSHOT_AGE = Duration.ofSeconds(5);

    private final MeterRegistry meters;
    private final QueueStore queues;
    private final RetryStore retries;
    private final ChannelAlerts alerts;
    private final Clock clock;
    private Map<ChannelKind, Figures> snapshot;
    private long snapshotAt;

    DispatchMeters(MeterRegistry meters, QueueStore queues, RetryStore retries, ChannelAlerts alerts,
                   Clock clock) {
        this.meters = meters;
        this.queues = queues;
        this.retries = retries;
        this.alerts = alerts;
        this.clock = clock;
        for (ChannelKind channel : ChannelKind.values()) {
            gauge("sunshine.queue.deliveries.waiting", "deliveries PENDING in open queues", channel, f -> f.waiting);
            gauge("sunshine.queue.blocks.ready", "blocks written and not yet claimed", channel, f -> f.ready);
            gauge("sunshine.queue.blocks.retrying", "blocks waiting for their next try", channel, f -> f.retrying);
            gauge("sunshine.queue.blocks.held", "blocks waiting while their channel is held", channel,
                    f -> f.held);
            gauge("sunshine.channel.held.seconds", "age of the oldest open channel alert, 0 when none", channel,
                    f -> f.heldSeconds);
            gauge("sunshine.fanouts.active", "queues still fanning out", channel, f -> f.fanOuts);
            gauge("sunshine.fanout.recipients.streamed", "subscribers read by the fan-outs in progress", channel,
                    f -> f.streamed);
        }
    }

    /** {@code sunshine_deliveries_total{channel,state}}: deliveries moved into each state, on this instance. */
    void moved(ChannelKind channel, DeliveryState to, long n) {
        meters.counter("sunshine.deliveries", "channel", channel.code(), "state", to.name()).increment(n);
    }

    /** Times one adapter call (a block's batch) by channel and the worst outcome of its messages. */
    List<SendOutcome> timeSend(ChannelKind channel, Supplier<List<SendOutcome>> send) {
        long started = System.nanoTime();
        String outcome = "error";
        try {
            List<SendOutcome> outcomes = send.get();
            outcome = worst(outcomes);
            return outcomes;
        } finally {
            Timer.builder("sunshine.provider.calls").description("a channel adapter's call for one block")
                    .tags("channel", channel.code(), "outcome", outcome).publishPercentileHistogram()
                    .register(meters).record(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** {@code sunshine_receipts_total{channel,outcome}}: receipts applied, or repeats that changed nothing. */
    void receipts(String queueId, long applied, long duplicate) {
        // a queue's id is its plan's and its channel's
        String channel = queueId.substring(queueId.lastIndexOf(':') + 1);
        meters.counter("sunshine.receipts", "channel", channel, "outcome", "applied").increment(applied);
        meters.counter("sunshine.receipts", "channel", channel, "outcome", "duplicate").increment(duplicate);
    }

    private static String worst(List<SendOutcome> outcomes) {
        SendOutcome.Kind worst = SendOutcome.Kind.ACCEPTED;
        for (SendOutcome o : outcomes) {
            worst = severity(o.kind()) > severity(worst) ? o.kind() : worst;
        }
        return worst.name().toLowerCase(Locale.ROOT);
    }

    private static int severity(SendOutcome.Kind kind) {
        return switch (kind) {
            case ACCEPTED -> 0;
            case RETRY -> 1;
            case HOLD -> 2;
            case PERMANENT -> 3;
        };
    }

    private void gauge(String name, String description, ChannelKind channel, ToDoubleFunction<Figures> of) {
        Gauge.builder(name, this, m -> of.applyAsDouble(m.figures(channel)))
                .description(description).tag("channel", channel.code()).register(meters);
    }

    private synchronized Figures figures(ChannelKind channel) {
        long now = System.nanoTime();
        if (snapshot == null || now - snapshotAt > SNAPSHOT_AGE.toNanos()) {
            snapshot = read();
            snapshotAt = now;
        }
        return snapshot.getOrDefault(channel, Figures.NONE);
    }

    private Map<ChannelKind, Figures> read() {
        Map<ChannelKind, Figures> by = new EnumMap<>(ChannelKind.class);
        Map<String, ChannelKind> queueChannels = new HashMap<>();
        for (DispatchQueue q : queues.inStates(QueueState.FANNING_OUT, QueueState.READY, QueueState.DRAINED,
                QueueState.CANCELLED)) {
            queueChannels.put(q.id(), q.channel());
            Figures f = by.computeIfAbsent(q.channel(), c -> new Figures());
            f.waiting += q.count(DeliveryState.PENDING);
            if (q.state().hasBlocksToClaim()) {
                f.ready += Math.max(0, q.progress().blocks() - q.progress().claimed());
            }
            if (q.state() == QueueState.FANNING_OUT) {
                f.fanOuts++;
                f.streamed += q.progress().streamed();
            }
        }
        long nowMillis = clock.millis();
        for (ChannelAlerts.Alert alert : alerts.open()) {
            Figures f = by.computeIfAbsent(ChannelKind.of(alert.source().split(":", 2)[0]), c -> new Figures());
            f.heldSeconds = Math.max(f.heldSeconds, (nowMillis - alert.since().toEpochMilli()) / 1000.0);
        }
        for (String block : retries.all()) {
            // a block's id is its queue's id and its number
            ChannelKind channel = queueChannels.get(block.substring(0, Math.max(0, block.lastIndexOf(':'))));
            if (channel != null) {
                Figures f = by.computeIfAbsent(channel, c -> new Figures());
                if (f.heldSeconds > 0) {
                    f.held++;
                } else {
                    f.retrying++;
                }
            }
        }
        return by;
    }

    /** One channel's figures in a snapshot. */
    private static final class Figures {
        private static final Figures NONE = new Figures();
        private double waiting;
        private double ready;
        private double retrying;
        private double held;
        private double heldSeconds;
        private double fanOuts;
        private double streamed;
    }
}
