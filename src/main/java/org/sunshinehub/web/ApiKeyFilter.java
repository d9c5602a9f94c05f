package org.sunshinehub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /api/**} needs a valid staff {@code X-Api-Key}, {@code /api/app/**} an app key; health and metrics stay
 * open for probes.
 */
@Component
@Order(1)
class ApiKeyFilter extends OncePerRequestFilter {

    static final String APP_PATH = "/api/app/";

    private final ApiKeys keys;

    ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/api") || path.startsWith("/api/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String key = request.getHeader("X-Api-Key");
        // A staff account signed in with HTTP Basic (see ApiSecurity) needs no staff key.
        boolean staffAccount = request.getUserPrincipal() != null;
        if (!(path.startsWith(APP_PATH) ? keys.acceptsApp(key) : staffAccount || keys.acceptsStaff(key))) {
            response.setHeader("WWW-Authenticate", "ApiKey header=\"X-Api-Key\"");
            Problems.write(response, HttpStatus.UNAUTHORIZED, "缺少或无效的 X-Api-Key");
            return;
        }
        chain.doFilter(request, response);
    }
}
