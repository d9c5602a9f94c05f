package org.sunshinehub.channel.weibo;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sunshine.weibo.*}.
 *
 * @param accounts            the office's Weibo accounts by name
 * @param commentPollInterval how often comments are fetched (the route {@code weibo-comments} ticks at this rate)
 */
@Validated
@ConfigurationProperties("sunshine.weibo")
record WeiboProperties(@NotNull @DefaultValue Map<String, @Valid Account> accounts,
                       @NotNull @DefaultValue("1m") Duration commentPollInterval) {

    /**
     * @param accessToken  the account's OAuth2 token
     * @param baseUrl      Weibo's API host (the sandbox in the demo)
     * @param safeDomain   the app's bound domain: every post must link a page under it
     * @param rip          the real IP Weibo asks for with every post (the office's egress address)
     * @param postsPerHour Weibo's limit per account; further posts wait for the next slot
     */
    record Account(@NotBlank String accessToken, @NotBlank @DefaultValue("https://api.weibo.com") String baseUrl,
                   @NotBlank String safeDomain, @NotBlank @DefaultValue("127.0.0.1") String rip,
                   @Min(1) @Max(1000) @DefaultValue("30") int postsPerHour) {

        @Override
        public String toString() {
            return "Account[baseUrl=" + baseUrl + ", safeDomain=" + safeDomain + ", accessToken=<hidden>]";
        }
    }
}
