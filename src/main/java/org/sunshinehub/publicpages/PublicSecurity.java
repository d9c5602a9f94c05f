package org.sunshinehub.publicpages;

import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.sunshinehub.content.PublicLinks;

/**
 * The public pages' chain, ahead of the console's: open to everyone, no sign-in of any kind, CSRF on every form, a
 * session only once a form needs one (its token, the verified phone), and the console's content security policy.
 */
@Configuration(proxyBeanMethods = false)
class PublicSecurity {

    @Bean
    @Order(5)
    SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(PublicLinks.ROOT + "/**"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    // The one refusal here: a form without its CSRF token (a stale page, or another site's form).
                    response.setStatus(403);
                    response.setContentType("text/html;charset=UTF-8");
                    response.getOutputStream().write(("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\">"
                            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>页面已过期</title>"
                            + "<h1>页面已过期</h1><p>请返回上一页，刷新后再提交。</p></html>").getBytes(StandardCharsets.UTF_8));
                }))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
                        + "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")))
                .build();
    }
}
