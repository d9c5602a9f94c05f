package org.sunshinehub.ingest;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.springframework.stereotype.Component;

/**
 * Each source route's health: its status and Camel's route and consumer health checks, last success, last failure
 * with why, items taken and refused (since this start); and route files whose last reload failed. One reading for
 * {@code GET /api/sources} and the console's 系统 screen.
 */
@Component
class SourceStatus {

    private final CamelContext camel;
    private final SourceHealth health;

    SourceStatus(CamelContext camel, SourceHealth health) {
        this.camel = camel;
        this.health = health;
    }

    Sources read() {
        Map<String, HealthCheck.Result> checks = HealthCheckHelper.invoke(camel).stream()
                .collect(Collectors.toMap(r -> r.getCheck().getId(), Function.identity(), (a, b) -> a));
        List<Source> routes = camel.getRoutes().stream().sorted(Comparator.comparing(Route::getRouteId))
                .map(route -> source(route, checks)).toList();
        List<SourceHealth.ReloadFailure> failures = health.reloadFailures().values().stream()
                .sorted(Comparator.comparing(SourceHealth.ReloadFailure::file)).toList();
        return new Sources(routes, failures);
    }

    private Source source(Route route, Map<String, HealthCheck.Result> checks) {
        String id = route.getRouteId();
        SourceHealth.RouteStats.Snapshot stats = health.snapshot(id)
                .orElse(new SourceHealth.RouteStats.Snapshot(0, 0, null, null, null));
        HealthCheck.Result check = worst(checks.get("route:" + id), checks.get("consumer:" + id));
        return new Source(id, route.getSourceLocationShort(), camel.getRouteController().getRouteStatus(id).name(),
                health(check, stats).name(),
                check == null ? null : check.getMessage().orElse(check.getError().map(SourceHealth::reason).orElse(null)),
                stats.taken(), stats.refused(), stats.lastSuccessAt(), stats.lastFailureAt(), stats.lastFailureReason());
    }

    /**
     * Camel's check when it says DOWN; else DOWN when the last exchange failed, UP when one succeeded; a timer
     * route has no check of its own, so its exchanges decide.
     */
    private static HealthCheck.State health(HealthCheck.Result check, SourceHealth.RouteStats.Snapshot stats) {
        if (check != null && check.getState() == HealthCheck.State.DOWN) {
            return HealthCheck.State.DOWN;
        }
        if (stats.lastFailureAt() != null
                && (stats.lastSuccessAt() == null || stats.lastFailureAt().isAfter(stats.lastSuccessAt()))) {
            return HealthCheck.State.DOWN;
        }
        if (stats.lastSuccessAt() != null || check != null && check.getState() == HealthCheck.State.UP) {
            return HealthCheck.State.UP;
        }
        return HealthCheck.State.UNKNOWN;
    }

    private static HealthCheck.Result worst(HealthCheck.Result route, HealthCheck.Result consumer) {
        if (route == null || consumer == null) {
            return route != null ? route : consumer;
        }
        return consumer.getState() == HealthCheck.State.DOWN ? consumer : route;
    }

    record Sources(List<Source> routes, List<SourceHealth.ReloadFailure> reloadFailures) {
    }

    /** @param health Camel's health checks for the route and its consumer: UP, DOWN or UNKNOWN */
    record Source(String route, String file, String status, String health, String healthMessage, long taken,
                  long refused, Instant lastSuccessAt, Instant lastFailureAt, String lastFailureReason) {
    }
}
