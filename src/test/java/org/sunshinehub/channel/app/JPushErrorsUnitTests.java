package org.sunshinehub.channel.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sunshinehub.channel.app.JPushErrors.Action;

/** Each class of JPush error the reference lists. */
class JPushErrorsUnitTests {

    @Test
    void serverErrorsRateLimitsAndThrottlingAreRetried() {
        assertThat(JPushErrors.of(1000, 500)).isEqualTo(Action.RETRY);
        assertThat(JPushErrors.of(1030, 503)).isEqualTo(Action.RETRY);
        assertThat(JPushErrors.of(2002, 429)).isEqualTo(Action.RETRY);
        assertThat(JPushErrors.of(1012, 400)).isEqualTo(Action.RETRY);
        assertThat(JPushErrors.of(0, 502)).isEqualTo(Action.RETRY);
        assertThat(JPushErrors.of(0, 429)).isEqualTo(Action.RETRY);
    }

    @Test
    void noSuchUserFailsAndMarks() {
        assertThat(JPushErrors.of(1011, 400)).isEqualTo(Action.NO_SUCH_USER);
    }

    @Test
    void authAndAppRestrictionsStopTheChannel() {
        for (int code : new int[] {1004, 2003, 2004, 2005}) {
            assertThat(JPushErrors.of(code, 403)).as("code %d", code).isEqualTo(Action.STOP);
        }
        assertThat(JPushErrors.of(0, 401)).isEqualTo(Action.STOP);
    }

    @Test
    void malformedRequestsArePermanent() {
        for (int code : new int[] {1002, 1003, 1005, 1009}) {
            assertThat(JPushErrors.of(code, 400)).as("code %d", code).isEqualTo(Action.PERMANENT);
        }
    }
}
