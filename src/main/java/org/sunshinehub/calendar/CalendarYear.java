package org.sunshinehub.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * One year of a holiday notice.
 *
 * @param holidays      every day off announced (statutory days, 调休 rest days, weekend days inside a block)
 * @param workdays      weekend days that are working days (调休上班)
 * @param holidayNames  the holiday a day off belongs to (春节, 国庆节 …)
 */
record CalendarYear(int year, Set<LocalDate> holidays, Set<LocalDate> workdays, Map<LocalDate, String> holidayNames) {
}
