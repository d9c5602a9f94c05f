package org.sunshinehub.web;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code sunshine_callbacks_total{provider,outcome}}: every provider callback, {@code accepted} (answered 2xx/3xx)
 * or {@code refused} (a guard's or a controller's 4xx, or a 5xx). Placed before the guards so their refusals count
 * too; the provider is one of the guards' path segments (anything else is {@code other}), so a scanner cannot
 * make new series.
 */
@Component
@Order(CallbackGuard.ORDER - 1)
class CallbackMeters extends OncePerRequestFilter {

    private final MeterRegistry meters;
    private final Set<String> providers;

    CallbackMeters(MeterRegistry meters, List<CallbackGuard> guards) {
        this.meters = meters;
        this.providers = guards.stream().map(CallbackGuard::provider).collect(Collectors.toUnmodifiableSet());
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
            String segment = path.length > 2 ? path[2] : "";
            meters.counter("sunshine.callbacks", "provider", providers.contains(segment) ? segment : "other",
                    "outcome", response.getStatus() < 400 ? "accepted" : "refused").increment();
        }
    }
}
