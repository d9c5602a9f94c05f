package org.sunshinehub.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.sunshinehub.config.ConfigFiles;


/**
 * The working-day calendar. A day is a working day when it is a make-up working day, or a Monday to Friday that
 * is no holiday. A date in a year without data throws {@link MissingCalendarYearException}.
 */
@Component
public class WorkingDayCalendar {

    private final Supplier<Map<Integer, CalendarYear>> years;

    @Autowired
    WorkingDayCalendar(ConfigFiles files) {
        this(files.watchFolder("calendar", CalendarParser::parse)::get);
    }

    WorkingDayCalendar(Supplier<Map<Integer, CalendarYear>> years) {
        this.years = years;
    }

    public DayInfo explain(LocalDate date) {
        CalendarYear year = years.get().get(date.getYear());
        if (year == null) {
            throw new MissingCalendarYearException(date.getYear());
        }
        if (year.workdays().contains(date)) {
            return new DayInfo(date, true, "调休上班");
        }
        if (year.holidays().contains(date)) {
            return new DayInfo(date, false, year.holidayNames().getOrDefault(date, "节假日"));
        }
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        return new DayInfo(date, !weekend, weekend ? "周末" : "工作日");
    }

    /**
     * The years from {@code today} to {@code today + ahead} that have no calendar data yet: deadlines in them cannot
     * be counted, so staff should enter the State Council's arrangement (published each autumn) before they come.
     */
    public List<Integer> missingYears(LocalDate today, Period ahead) {
        Map<Integer, CalendarYear> known = years.get();
        return IntStream.rangeClosed(today.getYear(), today.plus(ahead).getYear()).filter(y -> !known.containsKey(y))
                .boxed().toList();
    }

    public boolean isWorkingDay(LocalDate date) {
        return explain(date).workingDay();
    }

    /**
     * The {@code n}-th working day after {@code from}: the day of receipt is not counted (行政许可法 §82 counts
     * working days without statutory holidays).
     */
    public LocalDate plusWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        LocalDate day = from;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The last day of a period of {@code days} calendar days starting on {@code start}: the start day is not
     * counted (民法典 §201), and a last day that is a rest day moves to the next working day (§203).
     */
    public LocalDate endOfPeriod(LocalDate start, int days) {
        LocalDate end = start.plusDays(days);
        while (!isWorkingDay(end)) {
            end = end.plusDays(1);
        }
        return end;
    }
}
