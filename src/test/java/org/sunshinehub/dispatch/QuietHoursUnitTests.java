package org.sunshinehub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.sunshinehub.SunshineHubApplication;

class QuietHoursUnitTests {

    private static Instant beijing(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), SunshineHubApplication.ZONE).toInstant();
    }

    @Test
    void aWindowAcrossMidnightEndsAtItsEndTheNextMorning() {
        QuietHours night = QuietHours.parse("22:00-08:00").orElseThrow();

        assertThat(night.endIfInside(beijing("2026-11-23T23:30:00"))).hasValue(beijing("2026-11-24T08:00:00"));
        assertThat(night.endIfInside(beijing("2026-11-24T03:00:00"))).hasValue(beijing("2026-11-24T08:00:00"));
        assertThat(night.endIfInside(beijing("2026-11-24T08:00:00"))).isEmpty();
        assertThat(night.endIfInside(beijing("2026-11-24T21:59:59"))).isEmpty();
        assertThat(night.endIfInside(beijing("2026-11-24T22:00:00"))).hasValue(beijing("2026-11-25T08:00:00"));
    }

    @Test
    void aDaytimeWindowAndNoWindow() {
        QuietHours lunch = QuietHours.parse("12:00-14:00").orElseThrow();

        assertThat(lunch.endIfInside(beijing("2026-11-23T13:00:00"))).hasValue(beijing("2026-11-23T14:00:00"));
        assertThat(lunch.endIfInside(beijing("2026-11-23T15:00:00"))).isEmpty();
        assertThat(QuietHours.parse("")).isEmpty();
    }

    @Test
    void backoffGrowsWithJitterWithinItsCap() {
        for (int attempt = 1; attempt <= 30; attempt++) {
            Duration d = Backoff.after(attempt, Duration.ofSeconds(2), Duration.ofMinutes(5));
            long cap = Math.min(2000L << Math.min(attempt - 1, 20), 300_000L);
            assertThat(d.toMillis()).isBetween(cap / 2, cap);
        }
    }
}
