package org.sunshinehub.calendar;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Asked about a year the calendar has no notice for: never guessed. (422 on the API.) */
public class MissingCalendarYearException extends ErrorResponseException {

    private final int year;

    MissingCalendarYearException(int year) {
        super(HttpStatus.UNPROCESSABLE_ENTITY);
        this.year = year;
        setDetail("没有 " + year + " 年的节假日数据：请把国务院办公厅关于 " + year + " 年部分节假日安排的通知录入 config/calendar/");
    }

    public int year() {
        return year;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
