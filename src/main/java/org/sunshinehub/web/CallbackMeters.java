package org.sunshinehub.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code sunshine_callbacks_total{provider,outcome}}: every provider callback, {@code accepted} (answered 2xx/3xx)
 * or {@code refused} (a guard's or a controller's 4xx, or a 5xx). Placed before the guards so their refusals count
 * too; the provider is one of the guards' path segments (anything else is {@code other}), so a scanner cannot
 * make new series. The counters are registered once: looking one up by its tags cost more than the increment.
 */
@Component
@Order(CallbackGuard.ORDER - 1)
class CallbackMeters extends OncePerRequestFilter {

    private static final String OTHER = "other";

    /** By provider: the accepted counter, then the refused one. */
    private final Map<String, Counter[]> counters = new HashMap<>();

    CallbackMeters(MeterRegistry meters, List<CallbackGuard> guards) {
        guards.forEach(g -> counters.computeIfAbsent(g.provider(), p -> register(meters, p)));
        counters.put(OTHER, register(meters, OTHER));
    }

    private static Counter[] register(MeterRegistry meters, String provider) {
        return new Counter[] {meters.counter("sunshine.callbacks", "provider", provider, "outcome", "accepted"),
                meters.counter("sunshine.callbacks", "provider", provider, "outcome", "refused")};
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/callbacks/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            String[] path = request.getRequestURI().substring(request.getContextPath().length()).split("/", 4);
            Counter[] provider = counters.getOrDefault(path.length > 2 ? path[2] : OTHER, counters.get(OTHER));
            provider[response.getStatus() < 400 ? 0 : 1].increment();
        }
    }
}
