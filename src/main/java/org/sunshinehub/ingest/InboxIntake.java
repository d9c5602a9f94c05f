package org.sunshinehub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.MongoException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunshinehub.content.ItemKind;
import org.sunshinehub.text.PlainText;
import org.sunshinehub.web.InvalidInputException;

/**
 * The OA drop folder: the {@code oa-inbox} route calls {@link #poll} on a timer. Each {@code *.json} entry ends
 * exactly once in {@code .done/} (taken in) or {@code .failed/} with {@code <name>.error.txt} saying why, whatever
 * it holds; a link, folder, FIFO or device is moved aside unread. A regular file is read only once it has stopped
 * changing for {@code sunshine.inbox-stable-for}. Each outcome logs one line. What cannot be moved is logged once
 * and left alone until it changes, so nothing is retried in a loop and a good file behind a bad one is not kept
 * waiting.
 */
@Component("inboxIntake")
class InboxIntake {

    private static final Logger log = LoggerFactory.getLogger(InboxIntake.class);
    private static final Map<String, ItemKind> KINDS = Map.of(
            "disclosure", ItemKind.DISCLOSURE, "consultation", ItemKind.CONSULTATION,
            "interpretation", ItemKind.INTERPRETATION, "opinion-task", ItemKind.OPINION_TASK);

    private final IntakeService intake;
    private final IngestProperties properties;
    private final Clock clock;
    private final SettledFiles settled = new SettledFiles(System::nanoTime);
    /** Entries that could not be moved, with the look they had then; tried again only once they change. */
    private final Map<Path, Object> stuck = new HashMap<>();

    InboxIntake(IntakeService intake, IngestProperties properties, Clock clock) {
        this.intake = intake;
        this.properties = properties;
        this.clock = clock;
    }

    /** One look at the folder: every entry that is ready ends in {@code .done/} or {@code .failed/}. */
    public synchronized void poll(String folder) {
        Path dir = Path.of(folder);
        if (!ready(dir)) {
            return;
        }
        Set<Path> present = new HashSet<>();
        for (Path entry : entries(dir)) {
            present.add(entry);
            try {
                handle(entry, Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
            } catch (NoSuchFileException gone) {
                settled.forget(entry);
            } catch (IOException | RuntimeException e) {
                log.warn("OA file {}: {}", entry.getFileName(), PlainText.line(e.toString()));
            }
        }
        settled.retainOnly(present);
        stuck.keySet().retainAll(present);
    }

    /** The folder is made when missing; it may itself be a link (the operator chose it), its entries may not. */
    private static boolean ready(Path dir) {
        try {
            return Files.isDirectory(Files.createDirectories(dir));
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> entries(Path dir) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.json")) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            log.warn("OA drop folder {} cannot be listed: {}", dir, PlainText.line(e.toString()));
        }
        entries.sort(null);
        return entries;
    }

    private void handle(Path entry, BasicFileAttributes attributes) throws IOException {
        Object look = look(attributes);
        if (look.equals(stuck.get(entry))) {
            return;
        }
        if (!attributes.isRegularFile()) {
            reject(entry, look, "不是普通文件（" + typeOf(attributes) + "），未读取其内容。请写入普通文件后改名为 *.json");
            return;
        }
        if (!settled.settled(entry, attributes, properties.inboxStableFor())) {
            return;
        }
        settled.forget(entry);
        try {
            take(entry, attributes);
        } catch (RejectedFileException e) {
            reject(entry, look, e.getMessage());
        } catch (InvalidInputException e) {
            reject(entry, look, e.describe());
        } catch (NoSuchFileException gone) {
            settled.forget(entry);
        } catch (IOException e) {
            reject(entry, look, "无法读取（" + e.getClass().getSimpleName() + "），请检查文件权限");
        } catch (MongoException e) {
            // The store is down: the file is fine and is read again at the next look, once.
            log.warn("OA file {} not taken in yet, the store is unavailable: {}", entry.getFileName(),
                    PlainText.line(e.getMessage()));
        } catch (RuntimeException e) {
            reject(entry, look, "处理时出错（" + e.getClass().getSimpleName() + "），请检查文件内容");
        }
    }

    private void take(Path file, BasicFileAttributes attributes) throws IOException {
        JsonNode item = InboxJson.object(read(file, attributes));
        ItemKind kind = kindOf(item);
        intake.accept(kind, ItemDraftParser.parse(kind, item, Set.of("kind")), false);
        String target = moveOrRemember(file, attributes, InboxFolder.DONE);
        if (target != null) {
            log.info("OA file {} taken in → {}/{}", file.getFileName(), InboxFolder.DONE, target);
        }
    }

    /** At most the size limit and one byte more; the link check is repeated at open ({@code O_NOFOLLOW}). */
    private byte[] read(Path file, BasicFileAttributes attributes) throws IOException {
        long max = properties.maxInboxFileSize().toBytes();
        if (attributes.size() > max) {
            throw new RejectedFileException("文件大小 " + attributes.size() + " 字节，超过上限 " + max + " 字节");
        }
        try (InputStream in = Channels.newInputStream(Files.newByteChannel(file,
                Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
            byte[] bytes = in.readNBytes((int) max + 1);
            if (bytes.length > max) {
                throw new RejectedFileException("文件大小超过上限 " + max + " 字节");
            }
            return bytes;
        }
    }

    private void reject(Path entry, Object look, String reason) {
        String note = "文件: " + PlainText.line(entry.getFileName().toString()) + "\n时间: " + ZonedDateTime.now(clock)
                + "\n未能接收，原因:\n" + reason + "\n";
        try {
            String target = InboxFolder.fail(entry, note);
            log.warn("OA file {} rejected → {}/{}: {}", entry.getFileName(), InboxFolder.FAILED, target,
                    PlainText.line(reason.replace('\n', ';')));
        } catch (NoSuchFileException gone) {
            settled.forget(entry);
        } catch (IOException e) {
            stuck.put(entry, look);
            log.error("OA file {} rejected ({}) but cannot be moved to {}; left in place until it changes: {}",
                    entry.getFileName(), PlainText.line(reason.replace('\n', ';')), InboxFolder.FAILED,
                    PlainText.line(e.toString()));
        }
    }

    private String moveOrRemember(Path file, BasicFileAttributes attributes, String folder) {
        try {
            return InboxFolder.moveInto(file, folder);
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException e) {
            stuck.put(file, look(attributes));
            log.error("OA file {} taken in but cannot be moved to {}; left in place until it changes: {}",
                    file.getFileName(), folder, PlainText.line(e.toString()));
            return null;
        }
    }

    /** What identifies one state of an entry: its identity, size and modification time. */
    private static Object look(BasicFileAttributes attributes) {
        return List.of(String.valueOf(attributes.fileKey()), attributes.size(), attributes.lastModifiedTime());
    }

    private static String typeOf(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return "符号链接";
        }
        return attributes.isDirectory() ? "文件夹" : "特殊文件，如管道或设备";
    }

    private static ItemKind kindOf(JsonNode item) {
        JsonNode node = item.path("kind");
        String kind = node.isTextual() ? node.asText().strip().toLowerCase(Locale.ROOT) : "";
        if (kind.isEmpty()) {
            throw new RejectedFileException("kind: 必填，可选 " + KINDS.keySet());
        }
        ItemKind parsed = KINDS.get(kind);
        if (parsed == null) {
            throw new RejectedFileException("kind: 未知类型「" + PlainText.prefix(kind, 32) + "」，可选 " + KINDS.keySet());
        }
        return parsed;
    }

    /** A drop-folder file that cannot become an item; the message is what the note says. */
    static final class RejectedFileException extends RuntimeException {
        RejectedFileException(String reason) {
            super(reason);
        }
    }
}
