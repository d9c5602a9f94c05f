package org.sunshinehub.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.sunshinehub.support.TestHub;

class CalendarApiIntegrationTests {

    private final TestHub hub = TestHub.shared();

    @Test
    void workingDaysAndDaysAreAnsweredAndAMissingYearIs422() {
        assertThat(hub.get("/api/calendar/working-days?from=2026-09-30&add=20").body())
                .isEqualTo("{\"from\":\"2026-09-30\",\"add\":20,\"date\":\"2026-11-03\"}");
        assertThat(hub.get("/api/calendar/2026-10-10").body())
                .isEqualTo("{\"date\":\"2026-10-10\",\"workingDay\":true,\"reason\":\"调休上班\"}");
        HttpResponse<String> missing = hub.get("/api/calendar/working-days?from=2026-12-28&add=5");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(TestHub.json(missing).get("detail").asText()).contains("2027");
        assertThat(hub.get("/api/calendar/not-a-date").statusCode()).isEqualTo(400);
        assertThat(hub.get("/api/calendar/working-days?from=2026-09-30&add=-1").statusCode()).isEqualTo(400);
    }
}
