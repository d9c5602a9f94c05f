package org.sunshinehub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.web.SaneDates;
import org.sunshinehub.content.ItemFields;
import org.sunshinehub.content.ItemKind;
import org.sunshinehub.text.PlainText;

/**
 * Turns one JSON object into {@link ItemFields}, or names every field that is wrong. Strict on purpose: an
 * unknown field is an error, so a typo in a source system shows up instead of silently losing data.
 */
final class ItemDraftParser {

    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Set<String> COMMON = Set.of("source", "sourceId", "title", "docNumber", "issuer",
            "category", "publishedAt", "formedAt", "url", "summary", "body");
    private static final Map<ItemKind, Set<String>> KIND_FIELDS = Map.of(
            ItemKind.DISCLOSURE, Set.of("division"),
            ItemKind.CONSULTATION, Set.of("opensAt", "closesAt", "consultationType", "shortPeriodReason"),
            ItemKind.INTERPRETATION, Set.of("explainsDocNumber"),
            ItemKind.OPINION_TASK, Set.of("severity", "division", "supervisionWorkingDays"));
    static final Set<String> SEVERITIES = Set.of("重大突发", "一般");
    /** Long text keeps its paragraphs; every other field is one line (see {@link PlainText}). */
    private static final Set<String> MULTILINE = Set.of("summary", "body");
    /** Years (Beijing time) outside this range are typos or probes, never a real document's. */
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2199;

    private final JsonNode json;
    private final ItemKind kind;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private ItemDraftParser(JsonNode json, ItemKind kind) {
        this.json = json;
        this.kind = kind;
    }

    /**
     * @param ignored fields the caller handles itself (e.g. {@code kind} in a drop-folder file)
     * @throws InvalidItemException naming each bad field
     */
    static ItemFields parse(ItemKind kind, JsonNode json, Set<String> ignored) {
        if (json == null || !json.isObject()) {
            throw new InvalidItemException(Map.of("$", "须为 JSON 对象"));
        }
        return new ItemDraftParser(json, kind).fields(ignored);
    }

    private ItemFields fields(Set<String> ignored) {
        rejectUnknown(ignored);
        String source = text("source", 64, true);
        if (source != null && !SOURCE.matcher(source).matches()) {
            errors.put("source", "只能包含字母、数字和 . _ : -，不超过 64 个字符");
        }
        ItemFields fields = new ItemFields(source, text("sourceId", 200, true), text("title", 500, true),
                text("docNumber", 100, false), text("issuer", 200, false), text("category", 100, false),
                time("publishedAt", false), url(), text("summary", 5_000, false), text("body", 200_000, false),
                time("opensAt", kind == ItemKind.CONSULTATION), time("closesAt", kind == ItemKind.CONSULTATION),
                text("consultationType", 50, false), text("shortPeriodReason", 1_000, false),
                text("explainsDocNumber", 100, false),
                severity(), text("division", 100, false), workingDays("supervisionWorkingDays"),
                time("formedAt", false));
        if (fields.opensAt() != null && fields.closesAt() != null && !fields.closesAt().isAfter(fields.opensAt())) {
            errors.put("closesAt", "须晚于 opensAt");
        }
        if (!errors.isEmpty()) {
            throw new InvalidItemException(errors);
        }
        return fields;
    }

    private void rejectUnknown(Set<String> ignored) {
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!COMMON.contains(name) && !KIND_FIELDS.get(kind).contains(name) && !ignored.contains(name)) {
                errors.put(name, "未知字段（" + kind + " 不接受此字段）");
            }
        }
    }

    private String text(String field, int maxLength, boolean required) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                errors.put(field, "必填");
            }
            return null;
        }
        if (!node.isTextual() && !node.isNumber()) {
            errors.put(field, "须为字符串");
            return null;
        }
        String raw = node.asText();
        String value = (MULTILINE.contains(field) ? PlainText.multiline(raw) : PlainText.line(raw)).strip();
        if (value.isEmpty()) {
            if (required) {
                errors.put(field, "必填，不能为空");
            }
            return null;
        }
        if (value.length() > maxLength) {
            errors.put(field, "超过 " + maxLength + " 个字符");
            return null;
        }
        return value;
    }

    /** ISO-8601 with an offset; a local date-time or a date is read as Beijing time; years 1900 to 2200. */
    private Instant time(String field, boolean required) {
        Instant time = parsedTime(field, required);
        if (time != null && !SaneDates.inRange(time)) {
            errors.put(field, SaneDates.RULE);
            return null;
        }
        return time;
    }

    private Instant parsedTime(String field, boolean required) {
        String value = text(field, 40, required);
        Instant time = value == null ? null : parseTime(field, value);
        if (time != null && !saneYear(time)) {
            errors.put(field, "超出合理范围（1900 年至 2199 年）");
            return null;
        }
        return time;
    }

    private static boolean saneYear(Instant time) {
        try {
            int year = time.atZone(SunshineHubApplication.ZONE).getYear();
            return year >= FIRST_YEAR && year <= LAST_YEAR;
        } catch (java.time.DateTimeException beyondAnyCalendar) {
            return false;
        }
    }

    private Instant parseTime(String field, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value).atZone(SunshineHubApplication.ZONE).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(value).atStartOfDay(SunshineHubApplication.ZONE).toInstant();
                } catch (DateTimeParseException notDate) {
                    errors.put(field, "时间格式须为 ISO-8601，如 2026-11-20T09:00:00+08:00");
                    return null;
                }
            }
        }
    }

    private String url() {
        String value = text("url", 2_000, false);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        errors.put("url", "须为 http 或 https 地址");
        return null;
    }

    /** A 督办函's working days: a whole number from 1 to 60. */
    private Integer workingDays(String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1 || node.asInt() > 60) {
            errors.put(field, "须为 1 到 60 的整数（工作日）");
            return null;
        }
        return node.asInt();
    }

    private String severity() {
        String value = text("severity", 10, false);
        if (kind != ItemKind.OPINION_TASK) {
            return value;
        }
        if (value == null) {
            return "一般";
        }
        if (!SEVERITIES.contains(value)) {
            errors.put("severity", "须为 " + SEVERITIES + " 之一");
        }
        return value;
    }
}
