package org.sunshinehub.calendar;

import java.time.LocalDate;

/** @param reason 工作日, 周末, the holiday's name, or 调休上班 */
public record DayInfo(LocalDate date, boolean workingDay, String reason) {
}
