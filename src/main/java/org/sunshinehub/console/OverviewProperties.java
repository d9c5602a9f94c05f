package org.sunshinehub.console;

import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sunshine.overview.*}.
 *
 * @param calendarWarnAhead the overview warns when a year this far ahead has no working-day calendar yet (the State
 *                          Council publishes the next year's arrangement in the autumn)
 */
@Validated
@ConfigurationProperties("sunshine.overview")
record OverviewProperties(@NotNull @DefaultValue("60d") Period calendarWarnAhead) {
}
