package org.sunshinehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.sunshinehub.support.TestHub;

/** The OA drop folder against whatever arrives: each entry ends once in .done/ or .failed/ with a reason. */
@ExtendWith(OutputCaptureExtension.class)
class DropFolderIntegrationTests {

    private static final String GOOD = """
            {"kind":"disclosure","source":"oa","sourceId":"%s","title":"%s"}""";
    private static TestHub hub;
    private static Path inbox;
    private static Path outside;

    @BeforeAll
    static void start() throws IOException {
        hub = TestHub.start("--sunshine.inbox-stable-for=1s");
        inbox = Files.createDirectories(hub.home().resolve("inbox"));
        outside = Files.createTempDirectory("outside-inbox");
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void poisonFilesEachEndInFailedOnceWithTheirReasonAndAGoodFileBehindThemIsTakenPromptly(CapturedOutput output)
            throws Exception {
        // Given every kind of poison file, and a good file dropped after them
        drop("deep.json", "[".repeat(5_000) + "]".repeat(5_000));
        drop("deep-object.json", "{\"kind\":\"disclosure\",\"x\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(101));
        drop("far-year.json", """
                {"kind":"disclosure","source":"oa","sourceId":"y1","title":"远年","publishedAt":"+999999999-01-01"}""");
        dropBytes("not-utf8.json", new byte[] {'{', '"', 't', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});
        dropBytes("nul-bytes.json", new byte[] {0, 0, 0, '{', 0, '}'});
        drop("short.json", """
                {"kind":"consultation","source":"oa","sourceId":"short-1","title":"征求意见期太短",
                 "consultationType":"规章","opensAt":"2026-12-01","closesAt":"2026-12-05"}""");
        dropBytes("empty.json", new byte[0]);
        drop("trailing.json", GOOD.formatted("t1", "尾随") + " {}");
        drop("big-number.json", "{\"kind\":\"disclosure\",\"n\":" + "9".repeat(1_000) + "}");
        drop("kind-object.json", "{\"kind\":{\"a\":1}}");
        drop("good.json", GOOD.formatted("behind-poison", "毒文件之后的正常文件"));

        // Then the good one is taken in at once and each poison file has a note naming what is wrong
        Awaitility.await().atMost(TestHub.PATIENCE).until(() -> Files.exists(inbox.resolve(".done/good.json")));
        assertThat(hub.items("q=毒文件之后的正常文件")).hasSize(1);
        assertThat(note("deep.json")).contains("不是有效的 JSON");
        assertThat(note("deep-object.json")).contains("不是有效的 JSON");
        assertThat(note("far-year.json")).contains("publishedAt: 超出合理范围");
        assertThat(note("not-utf8.json")).contains("不是有效的 UTF-8", "第 4 字节");
        assertThat(note("nul-bytes.json")).contains("不是有效的 JSON");
        assertThat(note("short.json")).contains("closesAt");
        assertThat(note("empty.json")).contains("文件为空");
        assertThat(note("trailing.json")).contains("不是有效的 JSON");
        assertThat(note("big-number.json")).contains("不是有效的 JSON");
        assertThat(note("kind-object.json")).contains("kind: 必填");
        assertThat(hub.items("q=征求意见期太短")).isEmpty();

        // And nothing is tried again: one line each, and the inbox holds nothing more
        List<String> names = List.of("deep", "deep-object", "far-year", "not-utf8", "nul-bytes", "short", "empty",
                "trailing", "big-number", "kind-object");
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                names.stream().allMatch(n -> count(output, "OA file " + n + ".json rejected") == 1));
        assertThat(output.getOut()).doesNotContain("\tat org.sunshinehub.ingest");
        try (var left = Files.list(inbox)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void linksFoldersAndFifosAreMovedAsideUnreadAndTheirTargetsStayUntouched(CapturedOutput output)
            throws Exception {
        // Given a link to a JSON item outside the inbox, a link to a system-like file, a folder and a FIFO
        Path item = Files.writeString(outside.resolve("item.json"), GOOD.formatted("via-link", "经链接的条目"));
        Path passwd = Files.writeString(outside.resolve("passwd"), "root:x:0:0:SECRET-LINE:/root:/bin/bash\n");
        Files.createSymbolicLink(inbox.resolve("link-item.json"), item);
        Files.createSymbolicLink(inbox.resolve("link-passwd.json"), passwd);
        Files.createSymbolicLink(inbox.resolve("dangling.json"), outside.resolve("nowhere"));
        Files.createDirectories(inbox.resolve("folder.json"));
        Path fifo = inbox.resolve("pipe.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        drop("after-specials.json", GOOD.formatted("after-specials", "特殊文件之后"));

        // Then each is moved aside, as what it is, with a note; none is read
        Awaitility.await().atMost(TestHub.PATIENCE)
                .until(() -> Files.exists(inbox.resolve(".done/after-specials.json")));
        for (String name : List.of("link-item.json", "link-passwd.json", "dangling.json")) {
            assertThat(note(name)).contains("符号链接", "未读取");
            assertThat(Files.isSymbolicLink(inbox.resolve(".failed/" + name))).isTrue();
        }
        assertThat(note("folder.json")).contains("文件夹");
        assertThat(Files.isDirectory(inbox.resolve(".failed/folder.json"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(note("pipe.json")).contains("特殊文件");
        assertThat(hub.items("q=经链接的条目")).isEmpty();
        assertThat(Files.readString(item)).contains("via-link");
        assertThat(Files.readString(passwd)).contains("SECRET-LINE");
        assertThat(output.getOut()).doesNotContain("SECRET-LINE");
        try (var notes = Files.list(inbox.resolve(".failed"))) {
            for (Path n : notes.filter(p -> p.toString().endsWith(".error.txt")).toList()) {
                assertThat(Files.readString(n)).doesNotContain("SECRET-LINE");
            }
        }
    }

    @Test
    void aWriterThatPausesHalfWayShorterThanTheStableTimeHasItsWholeItemTakenIn() throws Exception {
        // Given a writer that writes its file under the final name, in two halves, 600 ms apart
        Path file = inbox.resolve("slow.json");
        byte[] content = GOOD.formatted("slow-1", "慢慢写入的文件").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(content, 0, content.length / 2);
            out.flush();
            Awaitility.await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                    .until(() -> Files.exists(file));
            out.write(content, content.length / 2, content.length - content.length / 2);
        }

        // Then it is read only once complete
        Awaitility.await().atMost(TestHub.PATIENCE).until(() -> Files.exists(inbox.resolve(".done/slow.json")));
        assertThat(hub.items("q=慢慢写入的文件")).hasSize(1);
        assertThat(inbox.resolve(".failed/slow.json")).doesNotExist();
    }

    private static long count(CapturedOutput output, String text) {
        return Pattern.compile(Pattern.quote(text)).matcher(output.getOut()).results().count();
    }

    private static void drop(String name, String content) throws IOException {
        dropBytes(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Written under another name and renamed, as the drop-folder contract asks. */
    private static void dropBytes(String name, byte[] content) throws IOException {
        Path tmp = inbox.resolve(name + ".part");
        Files.write(tmp, content);
        Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static String note(String name) throws IOException {
        Path note = inbox.resolve(".failed/" + name + ".error.txt");
        Awaitility.await().atMost(TestHub.PATIENCE).until(() -> Files.exists(note));
        return Files.readString(note);
    }

}
