package org.sunshinehub.opiniontask;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sunshine.opinion-tasks.*}.
 *
 * @param deadlines        per severity, the obligations and their clock hours
 * @param reminderShares   reminders at these shares of the time to each deadline
 * @param reminderBefore   and this long before it
 * @param timerInterval    how often due timers are looked for
 * @param supervisionDueTime a 督办函 is due at this time of its last working day
 */
@Validated
@ConfigurationProperties("sunshine.opinion-tasks")
record OpinionTaskProperties(@Valid @NotEmpty Map<String, List<Deadline>> deadlines,
                             @NotNull @DefaultValue({"0.5", "0.8"}) List<Double> reminderShares,
                             @NotNull @DefaultValue("1h") Duration reminderBefore,
                             @NotNull @DefaultValue("5s") Duration timerInterval,
                             @NotNull @DefaultValue("18:00") java.time.LocalTime supervisionDueTime) {

    /** @param name e.g. 发布权威信息; @param hours clock hours from detection */
    record Deadline(@NotBlank String name, @Positive int hours) {
    }
}
