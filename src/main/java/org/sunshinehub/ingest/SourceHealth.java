package org.sunshinehub.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.util.URISupport;
import org.springframework.stereotype.Component;

/**
 * Per route since this start: last success, last failure and why, items taken and refused; and the route files
 * whose last reload failed. Fed by Camel's exchange events and by {@link RouteIntake}.
 */
@Component
class SourceHealth extends EventNotifierSupport {

    private static final int MAX_REASON = 300;

    private final Map<String, RouteStats> routes = new ConcurrentHashMap<>();
    private final Map<String, ReloadFailure> reloadFailures = new ConcurrentHashMap<>();
    private final Clock clock;

    SourceHealth(Clock clock) {
        this.clock = clock;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((ExchangeEvent) event).getExchange();
        String route = exchange.getFromRouteId();
        if (route == null) {
            return;
        }
        RouteStats stats = stats(route);
        if (event instanceof ExchangeFailedEvent || exchange.getException() != null) {
            stats.failed(clock.instant(), reason(exchange.getException()));
        } else {
            stats.succeeded(clock.instant());
        }
    }

    void taken(String route) {
        stats(route).taken();
    }

    void refused(String route) {
        stats(route).refused();
    }

    Optional<RouteStats.Snapshot> snapshot(String route) {
        RouteStats stats = routes.get(route);
        return stats == null ? Optional.empty() : Optional.of(stats.snapshot());
    }

    void reloadFailed(String file, Exception e) {
        reloadFailures.put(file, new ReloadFailure(file, clock.instant(), reason(e)));
    }

    void reloaded(String file) {
        reloadFailures.remove(file);
    }

    Map<String, ReloadFailure> reloadFailures() {
        return Map.copyOf(reloadFailures);
    }

    record ReloadFailure(String file, Instant at, String reason) {
    }

    private RouteStats stats(String route) {
        return routes.computeIfAbsent(route, r -> new RouteStats());
    }

    /** The innermost message, one line, no secrets in URIs, capped. */
    static String reason(Throwable e) {
        if (e == null) {
            return "未知错误";
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        text = URISupport.sanitizeUri(text).replaceAll("\\p{Cntrl}+", " ").strip();
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "…" : text;
    }

    /** Mutable counters behind one lock; read as an immutable snapshot. */
    static final class RouteStats {

        private long taken;
        private long refused;
        private Instant lastSuccessAt;
        private Instant lastFailureAt;
        private String lastFailureReason;

        synchronized void taken() {
            taken++;
        }

        synchronized void refused() {
            refused++;
        }

        synchronized void succeeded(Instant at) {
            lastSuccessAt = at;
        }

        synchronized void failed(Instant at, String reason) {
            lastFailureAt = at;
            lastFailureReason = reason;
        }

        synchronized Snapshot snapshot() {
            return new Snapshot(taken, refused, lastSuccessAt, lastFailureAt, lastFailureReason);
        }

        record Snapshot(long taken, long refused, Instant lastSuccessAt, Instant lastFailureAt,
                        String lastFailureReason) {
        }
    }
}
