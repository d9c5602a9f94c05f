package org.sunshinehub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a callback's path (token, account, signed query) on the routed path before anything reads its body, and
 * answers a refusal at once: a sender with a wrong token never holds a request thread while it trickles a body.
 * Subclasses are beans ordered by {@link #ORDER}: after the firewall, before the body caps.
 */
public abstract class CallbackGuard extends OncePerRequestFilter {

    /** After Spring Security (-100), before {@link BodySizeFilter} (0). */
    public static final int ORDER = -10;

    /** Why a callback is refused. */
    public record Refusal(HttpStatus status, String detail) {
    }

    private final RequestMatcher paths;
    private final String provider;

    /** @param pattern a path pattern with variables, e.g. {@code /callbacks/x/{token}/**} */
    protected CallbackGuard(String pattern) {
        this.paths = ApiSecurity.path(pattern);
        this.provider = pattern.split("/")[2];
    }

    /** The path segment after {@code /callbacks/} this guard watches, e.g. {@code x}: the metrics' provider. */
    String provider() {
        return provider;
    }

    /** @param variables the pattern's variables, decoded as Spring MVC will see them */
    protected abstract Optional<Refusal> check(HttpServletRequest request, Map<String, String> variables);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestMatcher.MatchResult match = paths.matcher(request);
        Optional<Refusal> refusal = match.isMatch() ? check(request, match.getVariables()) : Optional.empty();
        if (refusal.isPresent()) {
            response.setHeader("Connection", "close");
            Problems.write(response, refusal.get().status(), refusal.get().detail());
            return;
        }
        chain.doFilter(request, response);
    }
}
