package org.sunshinehub.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The console's chain: everything but {@code /api/**}, {@code /callbacks/**} and {@code /actuator/**} (which
 * the API chains guard). Form login with a session cookie, CSRF on, and a forced password change.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class ConsoleSecurity {

    static final String LOGIN = "/login";
    static final String PASSWORD = "/password";

    /** Delegating: bcrypt today, and hashes of another algorithm still verify after a change of default. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(10)
    SecurityFilterChain consoleChain(HttpSecurity http, StaffAccounts accounts) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher machines = new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/callbacks/**"),
                path.matcher("/actuator/**"));
        return http.securityMatcher(new NegatedRequestMatcher(machines))
                .authorizeHttpRequests(a -> a.requestMatchers(path.matcher(LOGIN), path.matcher("/assets/**"),
                                path.matcher("/webjars/**"), path.matcher("/error")).permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage(LOGIN).defaultSuccessUrl("/", false).failureHandler(new LoginFailures()))
                .logout(l -> l.logoutRequestMatcher(path.matcher(org.springframework.http.HttpMethod.POST, "/logout"))
                        .logoutSuccessUrl(LOGIN + "?logout"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
                        + "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")))
                .addFilterAfter(new PasswordChangeFilter(accounts), AuthorizationFilter.class)
                .build();
    }
}
