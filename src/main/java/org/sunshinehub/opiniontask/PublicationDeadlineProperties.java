package org.sunshinehub.opiniontask;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sunshine.publication-deadlines.*}: 《政府信息公开条例》第二十六条 (publish within 20 working days of an item's
 * formation).
 *
 * @param enabled                 off for an office that watches the deadline elsewhere
 * @param workingDays             working days from formation (the day itself not counted) to publication
 * @param remindWorkingDaysBefore the drafting division is reminded this many working days before the last day
 * @param noticeTime              reminders and overdue notices go out at this time of day (Beijing time)
 */
@Validated
@ConfigurationProperties("sunshine.publication-deadlines")
record PublicationDeadlineProperties(@DefaultValue("true") boolean enabled,
                                     @Positive @DefaultValue("20") int workingDays,
                                     @PositiveOrZero @DefaultValue("5") int remindWorkingDaysBefore,
                                     @NotNull @DefaultValue("09:00") LocalTime noticeTime) {
}
