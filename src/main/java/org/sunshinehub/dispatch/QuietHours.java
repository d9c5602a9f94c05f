package org.sunshinehub.dispatch;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.sunshinehub.SunshineHubApplication;

/** A daily window (Beijing time) in which non-urgent sends wait; it may span midnight (22:00-08:00). */
record QuietHours(LocalTime start, LocalTime end) {

    static Optional<QuietHours> parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return Optional.empty();
        }
        String[] parts = spec.split("-");
        return Optional.of(new QuietHours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1])));
    }

    /** @return when the window that contains {@code now} ends, or empty when {@code now} is outside it */
    Optional<Instant> endIfInside(Instant now) {
        ZonedDateTime local = now.atZone(SunshineHubApplication.ZONE);
        LocalTime time = local.toLocalTime();
        boolean spansMidnight = start.isAfter(end);
        boolean inside = spansMidnight ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!inside) {
            return Optional.empty();
        }
        ZonedDateTime endToday = local.with(end);
        return Optional.of((endToday.isAfter(local) ? endToday : endToday.plusDays(1)).toInstant());
    }
}
