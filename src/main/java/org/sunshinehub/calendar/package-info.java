/**
 * Working days (工作日) from the State Council's yearly holiday notices kept in {@code config/calendar/}:
 * Monday to Friday, less statutory holidays and their 调休 rest days, plus the weekend days made working days.
 * Public surface: {@link org.sunshinehub.calendar.WorkingDayCalendar}.
 */
package org.sunshinehub.calendar;
