package org.sunshinehub.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** On the shipped 2025–2026 data (国办发明电〔2024〕12号 and the 2026 notice), dates checked by hand. */
class WorkingDayCalendarUnitTests {

    private static final WorkingDayCalendar CALENDAR = shipped();

    private static WorkingDayCalendar shipped() {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode files = json.createObjectNode();
            files.set("cn-holidays.json", json.readTree(Path.of("config/calendar/cn-holidays.json").toFile()));
            Map<Integer, CalendarYear> years = CalendarParser.parse(files);
            return new WorkingDayCalendar(() -> years);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void makeUpSaturdaysAreWorkingDaysAndHolidayBlocksAreNot() {
        assertThat(CALENDAR.explain(d("2026-10-10"))).isEqualTo(new DayInfo(d("2026-10-10"), true, "调休上班"));
        assertThat(CALENDAR.explain(d("2026-02-14")).workingDay()).isTrue();
        assertThat(CALENDAR.explain(d("2025-01-26")).workingDay()).isTrue();
        assertThat(CALENDAR.explain(d("2026-10-05"))).isEqualTo(new DayInfo(d("2026-10-05"), false, "国庆节"));
        assertThat(CALENDAR.explain(d("2026-02-17"))).isEqualTo(new DayInfo(d("2026-02-17"), false, "春节"));
        assertThat(CALENDAR.explain(d("2026-11-21"))).isEqualTo(new DayInfo(d("2026-11-21"), false, "周末"));
        assertThat(CALENDAR.explain(d("2026-11-23"))).isEqualTo(new DayInfo(d("2026-11-23"), true, "工作日"));
    }

    @Test
    void workingDaysSkipTheNationalDayBlockAndCountTheMakeUpSaturday() {
        assertThat(CALENDAR.plusWorkingDays(d("2026-09-30"), 1)).isEqualTo(d("2026-10-08"));
        assertThat(CALENDAR.plusWorkingDays(d("2026-10-09"), 1)).isEqualTo(d("2026-10-10"));
        assertThat(CALENDAR.plusWorkingDays(d("2026-09-30"), 20)).isEqualTo(d("2026-11-03"));
        assertThat(CALENDAR.plusWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
        assertThat(CALENDAR.plusWorkingDays(d("2026-02-14"), 1)).isEqualTo(d("2026-02-24"));
        assertThat(CALENDAR.plusWorkingDays(d("2026-11-23"), 0)).isEqualTo(d("2026-11-23"));
    }

    @Test
    void aRangeFromNewYearsEve2025CrossesInto2026() {
        assertThat(CALENDAR.plusWorkingDays(d("2025-12-31"), 1)).isEqualTo(d("2026-01-04"));
        assertThat(CALENDAR.plusWorkingDays(d("2025-12-30"), 2)).isEqualTo(d("2026-01-04"));
    }

    @Test
    void eachYearHas248WorkingDays() {
        for (int year : new int[] {2025, 2026}) {
            int working = 0;
            for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
                working += CALENDAR.isWorkingDay(day) ? 1 : 0;
            }
            assertThat(working).as("working days in %d", year).isEqualTo(248);
        }
    }

    @Test
    void aPeriodEndingOnARestDayMovesToTheNextWorkingDay() {
        assertThat(CALENDAR.endOfPeriod(d("2026-09-01"), 30)).isEqualTo(d("2026-10-08"));
        assertThat(CALENDAR.endOfPeriod(d("2026-11-02"), 30)).isEqualTo(d("2026-12-02"));
    }

    @Test
    void aDateIn2027FailsLoudlyNamingTheYear() {
        assertThatThrownBy(() -> CALENDAR.plusWorkingDays(d("2026-12-28"), 5))
                .isInstanceOfSatisfying(MissingCalendarYearException.class, e -> assertThat(e.year()).isEqualTo(2027))
                .hasMessageContaining("2027");
        assertThatThrownBy(() -> CALENDAR.explain(d("2024-06-01"))).hasMessageContaining("2024");
    }

    @Test
    void inconsistentDataIsRefused() throws IOException {
        ObjectMapper json = new ObjectMapper();
        assertThatThrownBy(() -> CalendarParser.parse(json.readTree(
                "{\"a.json\": {\"2026\": {\"holidays\": [\"2026-10-10\"], \"workdays\": [\"2026-10-10\"]}}}")))
                .hasMessageContaining("both");
        assertThatThrownBy(() -> CalendarParser.parse(json.readTree(
                "{\"a.json\": {\"2026\": {\"holidays\": [], \"workdays\": [\"2026-10-12\"]}}}")))
                .hasMessageContaining("not a weekend day");
        assertThatThrownBy(() -> CalendarParser.parse(json.readTree(
                "{\"a.json\": {\"2026\": {\"holidays\": [\"2025-10-01\"], \"workdays\": []}}}")))
                .hasMessageContaining("not in 2026");
    }

    @Test
    void theYearsAheadWithoutDataAreNamed() {
        assertThat(CALENDAR.missingYears(d("2026-06-10"), java.time.Period.ofDays(60))).isEmpty();
        assertThat(CALENDAR.missingYears(d("2026-11-23"), java.time.Period.ofDays(60))).containsExactly(2027);
        assertThat(CALENDAR.missingYears(d("2024-12-01"), java.time.Period.ofDays(60))).containsExactly(2024);
    }
}
