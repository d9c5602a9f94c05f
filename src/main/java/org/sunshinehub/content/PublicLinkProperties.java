package org.sunshinehub.content;

import jakarta.validation.constraints.Pattern;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sunshine.public.base-url}: where citizens reach this hub's public pages (e.g.
 * {@code https://hub.example.gov.cn}); unset, messages carry no link to them.
 */
@Validated
@ConfigurationProperties("sunshine.public")
record PublicLinkProperties(@Pattern(regexp = "https?://[^\\s/?#]+(/[^\\s?#]*[^\\s?#/])?",
        message = "须为不以 / 结尾的 http(s) 地址") String baseUrl) {

    Optional<String> baseUrlValue() {
        return Optional.ofNullable(baseUrl).filter(b -> !b.isBlank());
    }
}
