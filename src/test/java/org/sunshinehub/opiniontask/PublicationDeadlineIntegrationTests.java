package org.sunshinehub.opiniontask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sunshinehub.opiniontask.SandboxTexts.awaitTexts;
import static org.sunshinehub.opiniontask.SandboxTexts.texts;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sunshinehub.calendar.WorkingDayCalendar;
import org.sunshinehub.security.Role;
import org.sunshinehub.support.ConsoleClient;
import org.sunshinehub.support.TestHub;

/**
 * 条例第二十六条 on the hub's clock: a document formed on day 0 and still in review is on the dashboard 5 working days
 * before its 20th working day, its drafting division (社会救助处, by category) is reminded then, and once the
 * deadline has passed the division and its leader are told and the dashboard says it is overdue.
 */
class PublicationDeadlineIntegrationTests {

    private static final String CONTACT = "13800000201";
    private static final String LEADER = "13800000109";

    @Test
    void anUnpublishedDocumentIsRemindedBeforeAndReportedAfterItsTwentiethWorkingDay() {
        try (TestHub hub = TestHub.start()) {
            WorkingDayCalendar calendar = hub.bean(WorkingDayCalendar.class);
            LocalDate formed = hub.clock().instant().atZone(hub.clock().getZone()).toLocalDate();
            LocalDate lastDay = calendar.plusWorkingDays(formed, 20);
            String title = "关于调整特困人员供养标准的通知" + UUID.randomUUID().toString().substring(0, 4);
            hub.post("/api/intake/disclosures", """
                    {"source":"oa","sourceId":"%s","title":"%s","category":"社会救助","formedAt":"%sT09:00:00+08:00"}"""
                    .formatted(UUID.randomUUID(), title, formed));
            hub.staff("pd-admin", Set.of(Role.ADMIN), List.of(), null);
            ConsoleClient console = new ConsoleClient(hub);
            console.signIn("pd-admin", TestHub.STAFF_PASSWORD);

            // Given it is not yet 5 working days before the last day: nothing on the dashboard, nobody told
            assertThat(console.get("/").body()).doesNotContain(title);

            // When the reminder's day comes
            hub.clock().setBeijing(calendar.plusWorkingDays(formed, 15).atTime(LocalTime.of(10, 0)));

            // Then the division is reminded once and the dashboard lists the item with its last day
            awaitTexts(hub, CONTACT, "政府信息公开期限提醒", 1);
            assertThat(console.get("/").body()).contains(title, lastDay + " 前须公开").doesNotContain("已逾期");
            assertThat(texts(hub, LEADER)).noneMatch(t -> t.contains(title.substring(0, 10)));

            // When the last day has passed with the item still in review
            hub.clock().setBeijing(calendar.plusWorkingDays(lastDay, 1).atTime(LocalTime.of(10, 0)));

            // Then the division and its leader are told it is overdue, citing the article, and the dashboard says so
            awaitTexts(hub, LEADER, "政府信息公开逾期", 1);
            awaitTexts(hub, CONTACT, "政府信息公开逾期", 1);
            assertThat(texts(hub, LEADER).stream().filter(t -> t.contains("逾期")).findFirst().orElseThrow())
                    .contains("第二十六条");
            assertThat(console.get("/").body()).contains(title, "已逾期");
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(TestHub.PATIENCE).untilAsserted(() ->
                    assertThat(texts(hub, CONTACT).stream().filter(t -> t.contains("政府信息公开")).count()).isEqualTo(2));
        }
    }
}
