package org.sunshinehub.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reads every file of {@code config/calendar/} ({@code {"2026": {"holidays": [...], "workdays": [...],
 * "detail": [{"name": "春节", "off": ["2026-02-15", "2026-02-23"]}]}}}) and checks it: dates inside their year,
 * no day both off and working, make-up days on weekends only, each year in one file only.
 */
final class CalendarParser {

    private CalendarParser() {
    }

    static Map<Integer, CalendarYear> parse(JsonNode files) {
        Map<Integer, CalendarYear> years = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> file = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> y = file.getValue().fields(); y.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = y.next();
                String where = file.getKey() + " year " + entry.getKey();
                int year;
                try {
                    year = Integer.parseInt(entry.getKey());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file.getKey() + ": '" + entry.getKey() + "' is not a year");
                }
                if (years.containsKey(year)) {
                    throw new IllegalArgumentException(where + " is given twice");
                }
                years.put(year, year(year, entry.getValue(), where));
            }
        }
        return Map.copyOf(years);
    }

    private static CalendarYear year(int year, JsonNode node, String where) {
        Set<LocalDate> holidays = dates(node.path("holidays"), year, where + " holidays");
        Set<LocalDate> workdays = dates(node.path("workdays"), year, where + " workdays");
        for (LocalDate day : workdays) {
            if (holidays.contains(day)) {
                throw new IllegalArgumentException(where + ": " + day + " is both a holiday and a working day");
            }
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new IllegalArgumentException(where + ": make-up working day " + day + " is not a weekend day");
            }
        }
        Map<LocalDate, String> names = new HashMap<>();
        for (JsonNode holiday : node.path("detail")) {
            JsonNode off = holiday.path("off");
            if (off.size() == 2) {
                LocalDate from = date(off.get(0).asText(), year, where + " detail");
                LocalDate to = date(off.get(1).asText(), year, where + " detail");
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    names.put(d, holiday.path("name").asText("节假日"));
                }
            }
        }
        return new CalendarYear(year, Set.copyOf(holidays), Set.copyOf(workdays), Map.copyOf(names));
    }

    private static Set<LocalDate> dates(JsonNode list, int year, String where) {
        if (!list.isArray()) {
            throw new IllegalArgumentException(where + " must be a list of dates");
        }
        Set<LocalDate> dates = new HashSet<>();
        for (JsonNode value : list) {
            dates.add(date(value.asText(), year, where));
        }
        return dates;
    }

    private static LocalDate date(String text, int year, String where) {
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() != year) {
                throw new IllegalArgumentException(where + ": " + text + " is not in " + year);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not a date (yyyy-MM-dd)");
        }
    }
}
