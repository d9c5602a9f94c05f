package org.sunshinehub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** An account with a one-time password reaches only the password change (and sign-out) until it has its own. */
class PasswordChangeFilter extends OncePerRequestFilter {

    private final StaffAccounts accounts;

    PasswordChangeFilter(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean exempt = path.equals(ConsoleSecurity.PASSWORD) || path.equals("/logout") || path.startsWith("/assets/")
                || path.startsWith("/webjars/") || path.equals("/error");
        if (!exempt && authentication != null && authentication.isAuthenticated()
                && accounts.find(authentication.getName()).map(StaffAccount::mustChangePassword).orElse(false)) {
            response.sendRedirect(request.getContextPath() + ConsoleSecurity.PASSWORD);
            return;
        }
        chain.doFilter(request, response);
    }
}
