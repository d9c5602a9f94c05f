package org.sunshinehub.audience;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.sunshinehub.text.PlainText;

/**
 * Bulk registration from a CSV file (RFC 4180 through Apache Commons CSV: quoted fields with commas, quotes and
 * line breaks), read record by record as it streams in; UTF-8 with or without BOM, or GBK (see {@link CsvText}).
 * The header names the columns ({@code phone, wechatOpenId, appRegistrationId, weiboUid, topics}; topics separated
 * by {@code ;} or {@code |}). A bad row is reported with its line number and reason; the rest go on. Names, fields
 * and records are bounded and an error quotes at most a short prefix of the input. An import never clears an
 * opt-out: only the citizen can.
 */
@Component
class CsvImport {

    static final int MAX_REPORTED_ERRORS = 1_000;
    static final int PROGRESS_EVERY = 200;
    static final int MAX_FIELD = 1_000;
    private static final int MAX_QUOTED = 32;
    private static final int MAX_RECORD = 64 * 1024;
    private static final Set<String> COLUMNS = Set.of("phone", "wechatOpenId", "appRegistrationId", "weiboUid", "topics");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get();

    private final SubscriberService subscribers;

    CsvImport(SubscriberService subscribers) {
        this.subscribers = subscribers;
    }

    record RowError(long line, String reason) {
    }

    record Report(long rows, long created, long merged, long rejected, List<RowError> errors) {
    }

    /** @param charset from the request's {@code Content-Type}, or null to detect it */
    Report read(InputStream body, Charset charset) throws IOException {
        return read(body, charset, soFar -> { });
    }

    /** @param progress told the counts so far every {@value #PROGRESS_EVERY} rows */
    Report read(InputStream body, Charset charset, Consumer<Report> progress) throws IOException {
        BoundedRecords text = new BoundedRecords(CsvText.reader(body, charset), 2L * MAX_RECORD + 16 * 1024);
        try (CSVParser parser = FORMAT.parse(text)) {
            return rows(parser, text, progress);
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private Report rows(CSVParser parser, BoundedRecords text, Consumer<Report> progress) {
        Iterator<CSVRecord> records = parser.iterator();
        if (!records.hasNext()) {
            throw bad("CSV 为空，第一行须为表头");
        }
        CSVRecord first = records.next();
        Map<String, Integer> header = header(first);
        text.recordEndsBefore(first.getCharacterPosition());
        long lastLine = parser.getCurrentLineNumber();
        long rows = 0;
        long created = 0;
        long rejected = 0;
        List<RowError> errors = new ArrayList<>();
        while (records.hasNext()) {
            CSVRecord record = records.next();
            text.recordEndsBefore(record.getCharacterPosition());
            lastLine = Math.max(parser.getCurrentLineNumber(), lastLine + 1);
            long startLine = lastLine - lineBreaksIn(record);
            rows++;
            try {
                created += subscribers.register(request(header, record)).created() ? 1 : 0;
            } catch (InvalidSubscriberException e) {
                rejected++;
                if (errors.size() < MAX_REPORTED_ERRORS) {
                    errors.add(new RowError(startLine, PlainText.line(e.describe())));
                }
            }
            if (rows % PROGRESS_EVERY == 0) {
                progress.accept(new Report(rows, created, rows - created - rejected, rejected, List.copyOf(errors)));
            }
        }
        return new Report(rows, created, rows - created - rejected, rejected, errors);
    }

    /** A quoted field's own line breaks, so a row is reported at the line it starts on. */
    private static long lineBreaksIn(CSVRecord record) {
        return record.stream().mapToLong(v -> v.replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count())
                .sum();
    }

    private static Map<String, Integer> header(CSVRecord names) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!COLUMNS.contains(name)) {
                throw bad("表头有未知列「" + PlainText.prefix(name, MAX_QUOTED) + "」，可用列 " + COLUMNS);
            }
            if (columns.put(name, i) != null) {
                throw bad("表头列「" + name + "」重复");
            }
        }
        return columns;
    }

    private static SubscriberRequest request(Map<String, Integer> header, CSVRecord record) {
        String topics = cell(header, record, "topics");
        return new SubscriberRequest(cell(header, record, "phone"), cell(header, record, "wechatOpenId"),
                cell(header, record, "appRegistrationId"), cell(header, record, "weiboUid"),
                topics == null ? List.of() : Arrays.stream(topics.split("[;|]")).map(String::strip)
                        .filter(t -> !t.isEmpty()).toList(), false);
    }

    private static String cell(Map<String, Integer> header, CSVRecord record, String column) {
        Integer index = header.get(column);
        if (index == null || index >= record.size() || record.get(index).isBlank()) {
            return null;
        }
        String value = record.get(index);
        if (value.length() > MAX_FIELD) {
            throw new InvalidSubscriberException(Map.of(column, "超过 " + MAX_FIELD + " 个字符"));
        }
        return PlainText.line(value);
    }

    private static ResponseStatusException unreadable(Throwable e) {
        if (e instanceof BoundedRecords.RecordTooLongException) {
            return bad("有一行超过 " + MAX_RECORD + " 个字符（引号未闭合？）");
        }
        if (e instanceof CharacterCodingException) {
            return bad("文件编码无法识别：请以 UTF-8 或 GBK 保存，或在 Content-Type 中注明 charset");
        }
        return bad("不是有效的 CSV：" + PlainText.prefix(e.getMessage(), MAX_QUOTED));
    }

    private static ResponseStatusException bad(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }
}
