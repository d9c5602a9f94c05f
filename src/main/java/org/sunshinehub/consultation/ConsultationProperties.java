package org.sunshinehub.consultation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sunshine.consultations.*}.
 *
 * @param minimumPeriods per consultation type; {@code default} for types not listed
 * @param channels       where an opening draft is pushed (to subscribers of its category)
 * @param reminderBefore a second push this long before it closes
 */
@Validated
@ConfigurationProperties("sunshine.consultations")
record ConsultationProperties(@Valid @NotEmpty Map<String, Period> minimumPeriods,
                              @NotNull @DefaultValue("sms") List<String> channels,
                              @NotNull @DefaultValue("3d") java.time.Duration reminderBefore) {

    Period periodFor(String type) {
        return minimumPeriods.getOrDefault(type == null ? "default" : type, minimumPeriods.get("default"));
    }

    /**
     * @param days        the minimum length
     * @param workingDays counted in working days (else calendar days, 民法典 §201/§203)
     * @param source      the rule, quoted to staff who break it
     */
    record Period(@Positive int days, boolean workingDays, @NotNull String source) {
    }
}
