package org.sunshinehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sunshinehub.support.TestHub;

/** The Camel source routes on the running hub: website columns, the OA drop folder, live route edits. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SourceRoutesIntegrationTests {

    private static Path feeds;
    private static TestHub hub;

    @BeforeAll
    static void start() throws IOException {
        feeds = Files.createTempDirectory("feeds");
        Files.copy(Path.of("src/test/resources/feeds/column.rss"), feeds.resolve("column.rss"));
        Files.copy(Path.of("src/test/resources/feeds/column.atom"), feeds.resolve("column.atom"));
        Files.writeString(feeds.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        Files.writeString(feeds.resolve("hostile.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://%s">]>
                <rss version="2.0"><channel><title>x</title>
                <item><title>&xxe;</title><link>https://example.gov.cn/1</link><guid>h1</guid></item>
                </channel></rss>
                """.formatted(feeds.resolve("secret.txt")));
        hub = TestHub.start(
                "--sunshine.feeds.rss.url=file:" + feeds.resolve("column.rss"),
                "--sunshine.feeds.rss.poll-interval=300ms",
                "--sunshine.feeds.rss.issuer=广东省民政厅",
                "--sunshine.feeds.atom.url=file:" + feeds.resolve("column.atom"),
                "--sunshine.feeds.atom.kind=interpretation",
                "--sunshine.feeds.atom.pre-approved=true",
                "--sunshine.feeds.atom.poll-interval=300ms",
                "--sunshine.feeds.hostile.url=file:" + feeds.resolve("hostile.xml"),
                "--sunshine.feeds.hostile.poll-interval=300ms",
                "--sunshine.feeds.missing.url=file:" + feeds.resolve("nowhere.xml"),
                "--sunshine.feeds.missing.poll-interval=300ms");
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static double polls(String feed, String outcome) {
        Counter counter = hub.bean(MeterRegistry.class).find("sunshine.feed.polls").tags("feed", feed, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static int itemsFrom(String source) {
        int n = 0;
        for (JsonNode item : hub.items("")) {
            n += item.get("source").asText().equals(source) ? 1 : 0;
        }
        return n;
    }

    @Test
    @Order(1)
    void rssAndAtomColumnsGiveOneItemPerEntryAndLaterPollsAddNothing() {
        Awaitility.await().atMost(TestHub.PATIENCE)
                .until(() -> polls("rss", "read") >= 3 && polls("atom", "read") >= 3);

        assertThat(itemsFrom("feed:rss")).isEqualTo(3);
        assertThat(itemsFrom("feed:atom")).isEqualTo(2);
        JsonNode interpretation = hub.items("kind=INTERPRETATION&q=低保").get(0);
        assertThat(interpretation.get("state").asText()).isEqualTo("APPROVED");
        assertThat(interpretation.get("url").asText()).isEqualTo("https://example.gov.cn/zcjd/1.html");
        JsonNode notice = hub.items("q=困难群众").get(0);
        assertThat(notice.get("issuer").asText()).isEqualTo("广东省民政厅");
        assertThat(notice.get("category").asText()).isEqualTo("社会救助");
        assertThat(notice.get("summary").asText()).isEqualTo("进一步加强低保工作 & 特困供养。");
        assertThat(notice.get("publishedAt").asText()).isEqualTo("2026-11-20T09:00:00+08:00");
    }

    @Test
    @Order(2)
    void hostileMalformedOrMissingColumnsAreSkippedAndRetriedWithoutStoppingTheRoute() {
        Awaitility.await().atMost(TestHub.PATIENCE)
                .until(() -> polls("hostile", "failed") >= 2 && polls("missing", "failed") >= 2);

        assertThat(itemsFrom("feed:hostile")).isZero();
        assertThat(hub.get("/api/items?size=100").body()).doesNotContain("TOP-SECRET-CONTENT");
        double before = polls("rss", "read");
        Awaitility.await().atMost(TestHub.PATIENCE).until(() -> polls("rss", "read") > before);
    }

    @Test
    @Order(3)
    void goodDropFolderFilesAreTakenInAndMovedToDone() throws IOException {
        drop(hub.home().resolve("inbox"), "good.json", """
                {"kind":"consultation","source":"oa","sourceId":"drop-1","title":"《养老服务条例（草案）》征求意见",
                 "opensAt":"2026-11-21","closesAt":"2026-12-21"}
                """);
        awaitFile(hub.home().resolve("inbox/.done/good.json"));
        drop(hub.home().resolve("inbox"), "good.json", """
                {"kind":"consultation","source":"oa","sourceId":"drop-1","title":"重复投递",
                 "opensAt":"2026-11-21","closesAt":"2026-12-21"}
                """);
        awaitFile(hub.home().resolve("inbox/.done/good-2.json"));

        assertThat(itemsFrom("oa")).isEqualTo(1);
        JsonNode consultation = hub.items("kind=CONSULTATION").get(0);
        assertThat(consultation.get("closesAt").asText()).isEqualTo("2026-12-21T00:00:00+08:00");
        assertThat(Files.readString(hub.home().resolve("inbox/.done/good.json"))).contains("drop-1");
    }

    @Test
    @Order(4)
    void eachKindOfBadFileGoesToFailedWithItsReasonBesideIt() throws IOException {
        Path inbox = hub.home().resolve("inbox");
        drop(inbox, "not-json.json", "这不是 JSON");
        drop(inbox, "missing.json", "{\"kind\":\"disclosure\",\"source\":\"oa\"}");
        drop(inbox, "unknown-kind.json", "{\"kind\":\"memo\",\"source\":\"oa\",\"sourceId\":\"m\",\"title\":\"t\"}");
        drop(inbox, "too-big.json", "{\"kind\":\"disclosure\",\"title\":\"" + "大".repeat(400_000) + "\"}");

        assertThat(note(inbox, "not-json.json")).contains("不是有效的 JSON");
        assertThat(note(inbox, "missing.json")).contains("sourceId: 必填", "title: 必填");
        assertThat(note(inbox, "unknown-kind.json")).contains("未知类型「memo」");
        assertThat(note(inbox, "too-big.json")).contains("超过上限 1048576 字节");
        assertThat(Files.exists(inbox.resolve(".failed/too-big.json"))).isTrue();
        assertThat(inbox.resolve("missing.json")).doesNotExist();
    }

    @Test
    @Order(5)
    void anEditedRouteFileTakesEffectWithoutRestart() throws IOException {
        Path otherInbox = Files.createDirectories(hub.home().resolve("other-inbox"));
        Path route = hub.home().resolve("routes/oa-inbox.yaml");
        Files.writeString(route, Files.readString(route).replace("{{sunshine.inbox-dir}}", otherInbox.toString()));

        Awaitility.await().atMost(TestHub.PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!Files.exists(otherInbox.resolve("probe.json"))) {
                drop(otherInbox, "probe.json", "{\"kind\":\"disclosure\",\"source\":\"oa\",\"sourceId\":\"reload-1\","
                        + "\"title\":\"路由热加载验证\"}");
            }
            return Files.exists(otherInbox.resolve(".done/probe.json"));
        });
        assertThat(hub.items("q=路由热加载验证")).hasSize(1);
    }

    /** Written under another name and renamed, as an OA system should. */
    private static void drop(Path inbox, String name, String content) throws IOException {
        Path tmp = inbox.resolve(name + ".part");
        Files.writeString(tmp, content);
        Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void awaitFile(Path file) {
        Awaitility.await().atMost(TestHub.PATIENCE).until(() -> Files.exists(file));
    }

    private static String note(Path inbox, String name) throws IOException {
        Path note = inbox.resolve(".failed/" + name + ".error.txt");
        awaitFile(note);
        return Files.readString(note);
    }
}
