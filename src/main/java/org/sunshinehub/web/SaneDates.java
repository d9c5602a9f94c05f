package org.sunshinehub.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * The dates the hub takes from outside: years 1900 to 2200. Java reads years up to ±999,999,999, which then
 * overflow a BSON date or a calendar lookup; anything outside this range is a typo or a probe.
 */
public final class SaneDates {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2200;
    /** For error messages. */
    public static final String RULE = "年份须在 " + MIN_YEAR + " 到 " + MAX_YEAR + " 之间";

    private SaneDates() {
    }

    /** The year as written (an instant's in UTC). */
    public static boolean inRange(TemporalAccessor value) {
        if (value instanceof Instant instant) {
            try {
                return inRange(instant.atOffset(ZoneOffset.UTC));
            } catch (DateTimeException beyondAnyYear) {
                return false;
            }
        }
        if (value.isSupported(ChronoField.YEAR)) {
            int year = value.get(ChronoField.YEAR);
            return year >= MIN_YEAR && year <= MAX_YEAR;
        }
        return true;
    }
}
