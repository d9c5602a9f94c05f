package org.sunshinehub.calendar;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Working days for staff and scripts. */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    private static final int MAX_ADD = 1000;

    private final WorkingDayCalendar calendar;

    CalendarController(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Operation(summary = "计算若干个工作日之后的日期")
    @GetMapping("/working-days")
    WorkingDays add(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam int add) {
        if (add < 0 || add > MAX_ADD) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "add 须在 0 到 " + MAX_ADD + " 之间");
        }
        return new WorkingDays(from, add, calendar.plusWorkingDays(from, add));
    }

    @Operation(summary = "查询某日是否为工作日")
    @GetMapping("/{date}")
    DayInfo day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return calendar.explain(date);
    }

    record WorkingDays(LocalDate from, int add, LocalDate date) {
    }
}
