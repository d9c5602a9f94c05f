package org.sunshinehub.support;

import java.time.LocalTime;
import org.springframework.context.annotation.Bean;

/** Given to the application before its own configuration, so its {@code Clock} bean stands back. */
class TestClockSource {

    @Bean
    TestClock clock() {
        TestClock clock = new TestClock();
        // Tests run in office hours whatever the real time, unless they move the clock themselves.
        clock.setBeijingTime(LocalTime.of(10, 0));
        return clock;
    }
}
