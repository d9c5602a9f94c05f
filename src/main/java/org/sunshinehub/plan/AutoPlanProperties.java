package org.sunshinehub.plan;

import jakarta.validation.constraints.NotEmpty;
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

    /** @param topics subscribers with any of these topics; {@code all} for everyone */
    record Rule(@NotEmpty List<String> channels, List<String> topics, boolean all) {
    }
}
