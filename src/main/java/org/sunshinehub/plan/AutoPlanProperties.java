package org.sunshinehub.plan;

import jakarta.validation.constraints.AssertTrue;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sunshine.auto-plans.*}.
 *
 * @param categories rules by item category
 * @param fallback   the rule for other categories (none: such items wait for a plan from staff)
 */
@Validated
@ConfigurationProperties("sunshine.auto-plans")
record AutoPlanProperties(@DefaultValue("false") boolean enabled, @DefaultValue Map<String, Rule> categories,
                          Rule fallback) {

    /**
     * @param channels          channels to push on, each to everyone it reaches
     * @param fallbackChannels  channels in order of preference, each citizen reached once (a second plan)
     * @param topics            subscribers with any of these topics; {@code all} for everyone
     */
    record Rule(@DefaultValue List<String> channels, @DefaultValue List<String> fallbackChannels, List<String> topics,
                boolean all) {

        @AssertTrue(message = "channels 与 fallback-channels 至少填一个")
        boolean isSomewhereToPush() {
            return !channels.isEmpty() || !fallbackChannels.isEmpty();
        }
    }
}
