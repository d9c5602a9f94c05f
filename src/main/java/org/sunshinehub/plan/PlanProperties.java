package org.sunshinehub.plan;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sunshine.plans.*}.
 *
 * @param dueSweep how often every instance looks for scheduled plans whose time has passed: a plan's trigger is
 *                 armed only on the instance that scheduled it (and re-armed at each start), so this is how
 *                 another instance fires it when that one is down
 */
@Validated
@ConfigurationProperties("sunshine.plans")
record PlanProperties(@NotNull @DefaultValue("30s") Duration dueSweep) {
}
