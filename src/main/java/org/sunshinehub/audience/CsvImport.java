package org.sunshinehub.audience;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Bulk registration from a CSV file, read line by line as it streams in. The header names the columns
 * ({@code phone, wechatOpenId, appRegistrationId, weiboUid, topics}; topics separated by {@code ;} or
 * {@code |}). A bad row is reported with its line number and reason; the rest go on. An import never clears an
 * opt-out: only the citizen can.
 */
@Component
class CsvImport {

    static final int MAX_REPORTED_ERRORS = 1_000;
    private static final Set<String> COLUMNS = Set.of("phone", "wechatOpenId", "appRegistrationId", "weiboUid", "topics");

    private final SubscriberService subscribers;

    CsvImport(SubscriberService subscribers) {
        this.subscribers = subscribers;
    }

    record RowError(long line, String reason) {
    }

    record Report(long rows, long created, long merged, long rejected, List<RowError> errors) {
    }

    Report read(InputStream body) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        Map<String, Integer> header = header(reader.readLine());
        long line = 1;
        long rows = 0;
        long created = 0;
        long merged = 0;
        long rejected = 0;
        List<RowError> errors = new ArrayList<>();
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            rows++;
            try {
                boolean isNew = subscribers.register(request(header, text)).created();
                created += isNew ? 1 : 0;
                merged += isNew ? 0 : 1;
            } catch (InvalidSubscriberException e) {
                rejected++;
                if (errors.size() < MAX_REPORTED_ERRORS) {
                    errors.add(new RowError(line, e.describe().replace('\n', ';')));
                }
            }
        }
        return new Report(rows, created, merged, rejected, errors);
    }

    private static Map<String, Integer> header(String line) {
        if (line == null) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST, "CSV 为空，第一行须为表头");
        }
        Map<String, Integer> columns = new HashMap<>();
        String[] names = cells(line.startsWith("\uFEFF") ? line.substring(1) : line);
        for (int i = 0; i < names.length; i++) {
            if (!COLUMNS.contains(names[i])) {
                throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
                        "表头有未知列「" + names[i] + "」，可用列 " + COLUMNS);
            }
            columns.put(names[i], i);
        }
        return columns;
    }

    private static SubscriberRequest request(Map<String, Integer> header, String line) {
        String[] cells = cells(line);
        String topics = cell(header, cells, "topics");
        return new SubscriberRequest(cell(header, cells, "phone"), cell(header, cells, "wechatOpenId"),
                cell(header, cells, "appRegistrationId"), cell(header, cells, "weiboUid"),
                topics == null ? List.of() : Arrays.stream(topics.split("[;|]")).map(String::strip)
                        .filter(t -> !t.isEmpty()).toList(), false);
    }

    private static String cell(Map<String, Integer> header, String[] cells, String column) {
        Integer index = header.get(column);
        return index == null || index >= cells.length || cells[index].isBlank() ? null : cells[index];
    }

    /** Comma-separated cells; surrounding quotes are dropped (topics use ; or | so need no quoting). */
    private static String[] cells(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].strip();
            cells[i] = cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
                    ? cell.substring(1, cell.length() - 1) : cell;
        }
        return cells;
    }
}
