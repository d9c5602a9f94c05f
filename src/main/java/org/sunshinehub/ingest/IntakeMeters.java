package org.sunshinehub.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.sunshinehub.content.ItemState;

/**
 * {@code sunshine_intake_total{source,outcome}}: every item a source brought, by what became of it: the state it
 * was stored in ({@code approved}, {@code pending_review}, {@code withheld}, {@code received}), {@code duplicate}
 * (known already) or {@code rejected} (held in the rejects with why).
 */
@Component
class IntakeMeters {

    private final MeterRegistry meters;

    IntakeMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    void stored(String source, ItemState state) {
        count(source, state.name().toLowerCase(Locale.ROOT));
    }

    void duplicate(String source) {
        count(source, "duplicate");
    }

    void rejected(String source) {
        count(source, "rejected");
    }

    private void count(String source, String outcome) {
        meters.counter("sunshine.intake", "source", source == null ? "unknown" : source, "outcome", outcome)
                .increment();
    }
}
