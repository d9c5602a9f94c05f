package org.sunshinehub.support;

import java.time.LocalDateTime;
import org.springframework.context.annotation.Bean;

/** Given to the application before its own configuration, so its {@code Clock} bean stands back. */
class TestClockSource {

    @Bean
    TestClock clock() {
        TestClock clock = new TestClock();
        // Tests run on a working-day morning inside the calendar data (2025–2026) whatever the real date, so a
        // period counted from "now" never reaches a year without data, nor quiet hours.
        clock.setBeijing(LocalDateTime.of(2026, 6, 10, 10, 0));
        return clock;
    }
}
