package org.sunshinehub.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.sunshinehub.SunshineHubApplication;

/** Wall-clock time moved by an offset the test sets, so timers keep running while the hub's "now" jumps. */
public final class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
        return SunshineHubApplication.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    /** Makes it this time of day in Beijing, on the clock's current day. */
    public void setBeijingTime(LocalTime time) {
        ZonedDateTime now = instant().atZone(SunshineHubApplication.ZONE);
        offset = offset.plus(Duration.between(now, now.with(time)));
    }

    /** Makes it this moment in Beijing; time goes on from there. */
    public void setBeijing(LocalDateTime moment) {
        offset = Duration.between(Instant.now(), moment.atZone(SunshineHubApplication.ZONE).toInstant());
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    Duration offset() {
        return offset;
    }

    void offset(Duration offset) {
        this.offset = offset;
    }
}
