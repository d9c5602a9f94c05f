package org.sunshinehub.web;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one authentication gate. Its firewall refuses, before any filter or controller, every URL whose meaning
 * could differ between layers (encoded slashes, dots and percents, semicolons and matrix parameters, double
 * slashes, backslashes, dot segments); what passes is matched by the path Spring MVC routes
 * ({@link PathPatternRequestMatcher}). {@code /api/**} takes an {@code X-Api-Key} (scopes as authorities) or HTTP
 * Basic against the staff accounts' {@link UserDetailsService} when there is one; {@code /callbacks/**} is open
 * (the controllers check provider signatures and tokens); only health and metrics of the actuator are open.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class ApiSecurity {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurity.class);
    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    static RequestMatcher path(String pattern) {
        return PATHS.matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PATHS.matcher(method, pattern);
    }

    @Bean
    HttpFirewall httpFirewall() {
        // The defaults already refuse all of the above; spelled out so that loosening one is a visible change.
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowSemicolon(false);
        firewall.setAllowUrlEncodedSlash(false);
        firewall.setAllowUrlEncodedDoubleSlash(false);
        firewall.setAllowUrlEncodedPeriod(false);
        firewall.setAllowUrlEncodedPercent(false);
        firewall.setAllowBackSlash(false);
        firewall.setAllowNull(false);
        firewall.setAllowedHttpMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        return firewall;
    }

    /**
     * No observation around the chain and each of its filters: with the property
     * {@code management.observations.enable.spring.security=false} alone they are still built and wrapped, empty,
     * for every request (~5% of a callback's CPU samples and of its garbage, JFR on bench/callbacks.sh);
     * {@code http.server.requests} still times every request.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> {
            // Not the message: for a header it quotes the value, which may be a key or carry control characters.
            log.info("Request refused by the firewall: a URL, method or header it does not allow");
            response.setHeader("Connection", "close");
            Problems.write(response, HttpStatus.BAD_REQUEST, "请求路径不规范，已拒绝");
        };
    }

    @Bean
    WebSecurityCustomizer firewallEverywhere(HttpFirewall firewall, RequestRejectedHandler rejected) {
        return web -> web.httpFirewall(firewall).requestRejectedHandler(rejected);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiKeys keys, ObjectProvider<UserDetailsService> accounts,
                                 ObjectProvider<PasswordEncoder> encoders,
                                 ObjectProvider<AuthenticationEventPublisher> events) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "ApiKey header=\"" + ApiKeyAuthenticationFilter.HEADER + "\"");
            response.setHeader("Connection", "close");
            Problems.write(response, HttpStatus.UNAUTHORIZED, "缺少或无效的凭据（X-Api-Key 或账号）");
        };
        AccessDeniedHandler forbidden = (request, response, e) -> {
            response.setHeader("Connection", "close");
            Problems.write(response, HttpStatus.FORBIDDEN, "此凭据无权访问该路径");
        };
        stateless(http.securityMatcher(path("/api/**")))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, unauthorized), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(path("/api/app/**")).hasAuthority(ApiScope.APP.authority())
                        .requestMatchers(path(HttpMethod.POST, "/api/intake/opinion-monitor"))
                        .hasAnyAuthority(ApiScope.STAFF_API.authority(), ApiScope.OPINION_MONITOR.authority())
                        .requestMatchers(path(HttpMethod.POST, "/api/intake/{collection}"))
                        .hasAnyAuthority(ApiScope.STAFF_API.authority(), ApiScope.INTAKE.authority())
                        .anyRequest().hasAuthority(ApiScope.STAFF_API.authority()));
        UserDetailsService users = accounts.getIfAvailable();
        if (users == null) {
            http.httpBasic(AbstractHttpConfigurer::disable);
        } else {
            ProviderManager manager = new ProviderManager(staffAccounts(users,
                    encoders.getIfAvailable(PasswordEncoderFactories::createDelegatingPasswordEncoder)));
            events.ifAvailable(manager::setAuthenticationEventPublisher);
            // No Basic challenge: a browser never prompts for (and so never caches and replays) API credentials.
            http.authenticationManager(manager).httpBasic(b -> b.authenticationEntryPoint(unauthorized));
        }
        return http.build();
    }

    /** A signed-in staff account reaches the staff API under its own name, with its own roles besides. */
    private static DaoAuthenticationProvider staffAccounts(UserDetailsService users, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        provider.setAuthoritiesMapper(granted -> {
            List<GrantedAuthority> all = new ArrayList<>(granted);
            all.add(ApiScope.STAFF_API.granted());
            return all;
        });
        return provider;
    }

    @Bean
    @Order(2)
    SecurityFilterChain callbackChain(HttpSecurity http) throws Exception {
        return stateless(http.securityMatcher(path("/callbacks/**")))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain probeChain(HttpSecurity http) throws Exception {
        return stateless(http.securityMatcher(new OrRequestMatcher(path("/actuator/**"), path("/error"))))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**"),
                                path("/actuator/prometheus"), path("/error")).permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                        Problems.write(response, HttpStatus.NOT_FOUND, "未找到")))
                .build();
    }

    /**
     * The API description and its page are open: they hold no data and no secret (callback tokens appear as
     * placeholders), every endpoint they list still asks for its credentials, and other systems and code
     * generators fetch the description without an account.
     */
    @Bean
    @Order(4)
    SecurityFilterChain apiDocsChain(HttpSecurity http) throws Exception {
        RequestMatcher docs = new OrRequestMatcher(path("/v3/api-docs"), path("/v3/api-docs/**"),
                path("/swagger-ui.html"), path("/swagger-ui/**"));
        return stateless(http.securityMatcher(docs))
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET).permitAll().anyRequest().denyAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; "
                        + "img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; "
                        + "frame-ancestors 'none'; base-uri 'none'")))
                .build();
    }

    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable);
    }
}
