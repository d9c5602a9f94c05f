package org.sunshinehub.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunshinehub.content.ItemKind;

/**
 * One OA drop-folder file → one item. The {@code oa-inbox} route moves the file afterwards to
 * {@code .done/} or, when this throws, to {@code .failed/}, under the name this bean puts in the
 * {@value #TARGET_NAME} header (the file's own name, made unique in that folder so nothing is overwritten).
 * A failed file gets {@code <name>.error.txt} beside it saying what is wrong.
 */
@Component("inboxIntake")
class InboxIntake {

    static final String TARGET_NAME = "sunshineTargetName";
    static final String DONE = ".done";
    static final String FAILED = ".failed";
    private static final Logger log = LoggerFactory.getLogger(InboxIntake.class);
    private static final Map<String, ItemKind> KINDS = Map.of(
            "disclosure", ItemKind.DISCLOSURE, "consultation", ItemKind.CONSULTATION,
            "interpretation", ItemKind.INTERPRETATION, "opinion-task", ItemKind.OPINION_TASK);

    private final IntakeService intake;
    private final IngestProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    InboxIntake(IntakeService intake, IngestProperties properties, ObjectMapper json, Clock clock) {
        this.intake = intake;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    public void accept(Exchange exchange) throws IOException {
        Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
        try {
            JsonNode item = read(file);
            ItemKind kind = kindOf(item);
            intake.accept(kind, parse(kind, item), false);
            exchange.getIn().setHeader(TARGET_NAME, uniqueName(file, DONE));
        } catch (RejectedFileException e) {
            String target = uniqueName(file, FAILED);
            exchange.getIn().setHeader(TARGET_NAME, target);
            writeNote(file.resolveSibling(FAILED).resolve(target + ".error.txt"), file, e.getMessage());
            log.warn("OA file {} rejected → {}/{}: {}", file.getFileName(), FAILED, target,
                    e.getMessage().replace('\n', ';'));
            throw e;
        }
    }

    private JsonNode read(Path file) throws IOException {
        long size = Files.size(file);
        long max = properties.maxInboxFileSize().toBytes();
        if (size > max) {
            throw new RejectedFileException("文件大小 " + size + " 字节，超过上限 " + max + " 字节");
        }
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode node = json.readTree(in);
            if (node == null || !node.isObject()) {
                throw new RejectedFileException("内容须为一个 JSON 对象");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new RejectedFileException("不是有效的 JSON（第 " + e.getLocation().getLineNr() + " 行第 "
                    + e.getLocation().getColumnNr() + " 列）：" + e.getOriginalMessage());
        }
    }

    private static org.sunshinehub.content.ItemFields parse(ItemKind kind, JsonNode item) {
        try {
            return ItemDraftParser.parse(kind, item, Set.of("kind"));
        } catch (InvalidItemException e) {
            throw new RejectedFileException(e.describe());
        }
    }

    private static ItemKind kindOf(JsonNode item) {
        String kind = item.path("kind").asText("").strip().toLowerCase(Locale.ROOT);
        if (kind.isEmpty()) {
            throw new RejectedFileException("kind: 必填，可选 " + KINDS.keySet());
        }
        ItemKind parsed = KINDS.get(kind);
        if (parsed == null) {
            throw new RejectedFileException("kind: 未知类型「" + kind + "」，可选 " + KINDS.keySet());
        }
        return parsed;
    }

    /** The file's name, or name-2, name-3 … when the folder already has one by that name. */
    private static String uniqueName(Path file, String folder) {
        Path dir = file.resolveSibling(folder);
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        String candidate = name;
        for (int n = 2; Files.exists(dir.resolve(candidate)) || Files.exists(dir.resolve(candidate + ".error.txt")); n++) {
            candidate = stem + "-" + n + ext;
        }
        return candidate;
    }

    private void writeNote(Path note, Path file, String reason) throws IOException {
        Files.createDirectories(note.getParent());
        Files.writeString(note, "文件: " + file.getFileName() + "\n时间: " + ZonedDateTime.now(clock)
                + "\n未能接收，原因:\n" + reason + "\n", StandardCharsets.UTF_8);
    }

    /** A drop-folder file that cannot become an item; the message is what the note says. */
    static final class RejectedFileException extends RuntimeException {
        RejectedFileException(String reason) {
            super(reason);
        }
    }
}
