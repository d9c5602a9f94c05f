package org.sunshinehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sunshinehub.support.TestHub;

/**
 * The ready routes in routes/examples/, enabled on a running hub by copying them into routes/, each against a real
 * server the test starts: an HTTP JSON API (JDK HttpServer), a database table (PostgreSQL when
 * {@code SUNSHINE_TEST_POSTGRES_URL} names one, else in-process H2), an IMAP mailbox (GreenMail). Also: refused
 * records, resubmission, route health, and a new source added as one YAML file.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SourceExamplesIntegrationTests {

    private static final String MAILBOX = "duban@example.gov.cn";
    private static final Map<String, String> TOPICS = new ConcurrentHashMap<>();
    private static TopicServer platform;
    private static GreenMail mail;
    private static GreenMailUser mailUser;
    private static String jdbcUrl;
    private static String jdbcUser;
    private static String jdbcPassword;
    private static TestHub hub;

    @BeforeAll
    static void start() throws Exception {
        platform = new TopicServer().serve("/topics", SourceExamplesIntegrationTests::topics);
        topic("t-1", "某小区供暖不热引发投诉", "A", 1000);
        topic("t-2", "网传低保审核不公", "B", 2000);
        topic("t-3", "公交线路调整意见集中", "B", 3000);
        TOPICS.put("t-bad", "{\"id\":\"t-bad\",\"content\":\"没有标题\",\"level\":\"B\",\"updatedAt\":3500}");
        mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        mail.start();
        mailUser = mail.setUser(MAILBOX, "duban", "s3cret&x");
        database();
        hub = TestHub.start(
                "--sunshine.sources.opinion-platform.url=" + platform.url("/topics"),
                "--sunshine.sources.opinion-platform.poll-interval=300ms",
                "--sunshine.sources.oa-documents.jdbc-url=" + jdbcUrl,
                "--sunshine.sources.oa-documents.username=" + jdbcUser,
                "--sunshine.sources.oa-documents.password=" + jdbcPassword,
                "--sunshine.sources.oa-documents.poll-interval=300",
                "--sunshine.sources.supervision-mail.protocol=imap",
                "--sunshine.sources.supervision-mail.host=127.0.0.1",
                "--sunshine.sources.supervision-mail.port=" + mail.getImap().getPort(),
                "--sunshine.sources.supervision-mail.username=duban",
                "--sunshine.sources.supervision-mail.password=s3cret&x",
                "--sunshine.sources.supervision-mail.poll-interval=300");
        for (String example : List.of("opinion-platform", "oa-documents", "supervision-mail")) {
            Files.copy(hub.home().resolve("routes/examples/" + example + ".yaml"),
                    hub.home().resolve("routes/" + example + ".yaml"));
        }
    }

    @AfterAll
    static void stop() {
        hub.close();
        platform.close();
        mail.stop();
    }

    @Test
    @Order(1)
    void thePolledApiTakesEveryPageThenOnlyWhatChangedAfterItsCursor() {
        await(() -> itemsFrom("opinion-platform").size() == 3);

        JsonNode urgent = byTitle(itemsFrom("opinion-platform"), "某小区供暖不热引发投诉");
        assertThat(urgent.get("kind").asText()).isEqualTo("OPINION_TASK");
        assertThat(urgent.get("severity").asText()).isEqualTo("重大突发");
        JsonNode reject = awaitReject("opinion-platform");
        assertThat(reject.get("errors").toString()).contains("title").contains("必填");
        await(() -> platform.queries.stream().anyMatch(q -> q.contains("since=3500")));

        topic("t-4", "新出现的舆情", "B", 4000);
        await(() -> itemsFrom("opinion-platform").size() == 4);
        assertThat(hub.json(hub.get("/api/intake/rejects?size=100")).get("rejects").findValues("route").stream()
                .filter(r -> r.asText().equals("opinion-platform")).count()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void theDatabaseTableGivesOneDisclosurePerRowAndMarksEachTaken() throws SQLException {
        await(() -> itemsFrom("oa-documents").size() == 2);
        JsonNode doc = byTitle(itemsFrom("oa-documents"), "关于调整城乡低保标准的通知");
        assertThat(doc.get("docNumber").asText()).isEqualTo("粤民发〔2026〕12号");
        assertThat(doc.get("publishedAt").asText()).isEqualTo("2026-11-20T09:30:00+08:00");
        assertThat(awaitReject("oa-documents").get("errors").toString()).contains("title");
        await(() -> untaken() == 0);

        sql("insert into published_documents (doc_id, title, issuer) values ('D-4', '后来发布的文件', '民政厅')");
        await(() -> itemsFrom("oa-documents").size() == 3);
    }

    @Test
    @Order(3)
    void eachSupervisionLetterBecomesAnOpinionTaskWithItsWorkingDays() throws MessagingException {
        deliver("督办函：关于某街道占道经营问题的督办（5个工作日）", "请按期办结并反馈。");
        deliver("督办函：关于供水管网漏损的督办", "请于十个工作日内书面反馈办理情况。");
        deliver("督办函：期限有误", "请于100个工作日内办结。");

        await(() -> itemsFrom("supervision-mail").size() == 2);
        assertThat(byTitle(itemsFrom("supervision-mail"), "督办函：关于某街道占道经营问题的督办（5个工作日）")
                .get("supervisionWorkingDays").asInt()).isEqualTo(5);
        assertThat(byTitle(itemsFrom("supervision-mail"), "督办函：关于供水管网漏损的督办")
                .get("supervisionWorkingDays").asInt()).isEqualTo(10);
        assertThat(awaitReject("supervision-mail").get("errors").toString()).contains("supervisionWorkingDays");

        deliver("督办函：后来的督办（3个工作日）", "请办理。");
        await(() -> itemsFrom("supervision-mail").size() == 3);
    }

    @Test
    @Order(4)
    void aFixedRejectResubmittedCreatesTheItemOnce() throws IOException {
        JsonNode reject = awaitReject("supervision-mail");
        String path = "/api/intake/rejects/" + reject.get("id").asText() + "/resubmit";

        HttpResponse<String> unchanged = hub.post(path, "");
        assertThat(unchanged.statusCode()).isEqualTo(400);
        assertThat(unchanged.body()).contains("supervisionWorkingDays");

        String fixed = reject.get("payload").asText().replace("\"supervisionWorkingDays\":100",
                "\"supervisionWorkingDays\":20");
        HttpResponse<String> first = hub.post(path, fixed);
        HttpResponse<String> again = hub.post(path, fixed);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(TestHub.json(again).get("id")).isEqualTo(TestHub.json(first).get("id"));
        assertThat(TestHub.json(first).get("supervisionWorkingDays").asInt()).isEqualTo(20);
        assertThat(itemsFrom("supervision-mail")).hasSize(4);
        JsonNode listed = hub.json(hub.get("/api/intake/rejects?state=RESUBMITTED")).get("rejects").get(0);
        assertThat(listed.get("itemId")).isEqualTo(TestHub.json(first).get("id"));
    }

    @Test
    @Order(5)
    void eachRouteShowsItsStatusAndWhatItTookAndRefused() {
        JsonNode sources = hub.json(hub.get("/api/sources")).get("routes");
        for (String route : List.of("opinion-platform", "oa-documents", "supervision-mail")) {
            JsonNode source = route(sources, route);
            assertThat(source.get("status").asText()).isEqualTo("Started");
            assertThat(source.get("health").asText()).isEqualTo("UP");
            assertThat(source.get("taken").asInt()).isPositive();
            assertThat(source.get("refused").asInt()).isEqualTo(1);
            assertThat(source.get("lastSuccessAt")).isNotNull();
        }
        assertThat(route(sources, "oa-inbox").get("status").asText()).isEqualTo("Started");
    }

    @Test
    @Order(6)
    void aNewSourceWrittenAsOneYamlFileTakesItemsInWithoutARestart() throws IOException {
        platform.serve("/cms/feed", q -> """
                {"payload": {"docs": [
                  {"uuid": "c-1", "headline_zh": "市政府常务会议纪要", "dept": "市政府办公室", "released": "2026-11-25"},
                  {"uuid": "c-2", "dept": "市政府办公室"}]}}
                """);
        Files.writeString(hub.home().resolve("routes/city-cms.yaml"), """
                - route:
                    id: city-cms
                    from:
                      uri: timer:city-cms
                      parameters: {period: 300}
                      steps:
                        - toD: "%s?httpMethod=GET"
                        - split:
                            jq: ".payload.docs"
                            steps:
                              - transform:
                                  jq: '{source: "city-cms", sourceId: .uuid, title: .headline_zh, issuer: .dept, publishedAt: .released}'
                              - to: sunshine:intake?kind=disclosure
                """.formatted(platform.url("/cms/feed")));

        await(() -> itemsFrom("city-cms").size() == 1);
        assertThat(itemsFrom("city-cms").get(0).get("issuer").asText()).isEqualTo("市政府办公室");
        assertThat(awaitReject("city-cms").get("errors").toString()).contains("title");
    }

    @Test
    @Order(7)
    void aRouteFileThatDoesNotLoadLeavesThePreviousRoutesRunningAndIsShown() throws IOException {
        Path broken = hub.home().resolve("routes/broken.yaml");
        Files.writeString(broken, """
                - route:
                    id: broken
                    from:
                      uri: nosuchcomponent:thing
                      steps:
                        - to: sunshine:intake
                """);

        await(() -> hub.json(hub.get("/api/sources")).get("reloadFailures").toString().contains("broken.yaml"));
        JsonNode sources = hub.json(hub.get("/api/sources"));
        assertThat(sources.get("reloadFailures").get(0).get("reason").asText()).contains("nosuchcomponent");
        assertThat(route(sources.get("routes"), "city-cms").get("status").asText()).isEqualTo("Started");
        topic("t-5", "故障期间的新舆情", "B", 5000);
        await(() -> itemsFrom("opinion-platform").size() == 5);

        Files.delete(broken);
        await(() -> hub.json(hub.get("/api/sources")).get("reloadFailures").isEmpty());
    }

    @Test
    @Order(8)
    void aSourceWhoseServerIsDownShowsDownWithWhyWhileTheHubStaysUp() {
        mail.stop();

        await(() -> route(hub.json(hub.get("/api/sources")).get("routes"), "supervision-mail").get("health").asText()
                .equals("DOWN"));
        assertThat(route(hub.json(hub.get("/api/sources")).get("routes"), "supervision-mail").get("healthMessage")
                .asText()).contains("supervision-mail");
        HttpResponse<String> hubHealth = hub.send(hub.request("/actuator/health"));
        assertThat(hubHealth.statusCode()).isEqualTo(200);
        assertThat(hubHealth.body()).contains("\"status\":\"UP\"");
    }

    private static String topics(String query) {
        long since = Long.parseLong(param(query, "since"));
        int page = Integer.parseInt(param(query, "page"));
        List<String> changed = TOPICS.values().stream().filter(t -> updatedAt(t) > since)
                .sorted(java.util.Comparator.comparingLong(SourceExamplesIntegrationTests::updatedAt)).toList();
        List<String> slice = changed.subList(Math.min(changed.size(), (page - 1) * 2), Math.min(changed.size(), page * 2));
        String next = page * 2 < changed.size() ? String.valueOf(page + 1) : "null";
        return "{\"items\":[" + String.join(",", slice) + "],\"nextPage\":" + next + "}";
    }

    private static void topic(String id, String headline, String level, long updatedAt) {
        TOPICS.put(id, """
                {"id":"%s","headline":"%s","content":"监测到的舆情","level":"%s","updatedAt":%d,"link":"https://yuqing.example.gov.cn/%s"}
                """.formatted(id, headline, level, updatedAt, id).strip());
    }

    private static long updatedAt(String topic) {
        return Long.parseLong(topic.replaceAll(".*\"updatedAt\":(\\d+).*", "$1"));
    }

    private static String param(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new IllegalArgumentException(name + " missing in " + query);
    }

    private static void database() throws SQLException {
        jdbcUrl = System.getenv().getOrDefault("SUNSHINE_TEST_POSTGRES_URL", "");
        jdbcUser = System.getenv().getOrDefault("SUNSHINE_TEST_POSTGRES_USER", "sunshine");
        jdbcPassword = System.getenv().getOrDefault("SUNSHINE_TEST_POSTGRES_PASSWORD", "sunshine");
        if (jdbcUrl.isBlank()) {
            jdbcUrl = "jdbc:h2:mem:oa;MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
        }
        sql("drop table if exists published_documents");
        sql("""
                create table published_documents (doc_id varchar(64) primary key, title varchar(500),
                  doc_number varchar(100), issuer varchar(200), category varchar(100), published_at timestamp,
                  url varchar(2000), body text, taken_at timestamp)""");
        sql("""
                insert into published_documents (doc_id, title, doc_number, issuer, category, published_at, url) values
                ('D-1', '关于调整城乡低保标准的通知', '粤民发〔2026〕12号', '广东省民政厅', '社会救助',
                 timestamp '2026-11-20 09:30:00', 'https://smzt.gd.gov.cn/d1.html'),
                ('D-2', '养老服务补贴申领指南', null, '广东省民政厅', '养老', null, null),
                ('D-3', null, null, '广东省民政厅', null, null, null)""");
    }

    private static long untaken() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
             var rs = c.createStatement().executeQuery("select count(*) from published_documents where taken_at is null")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static void deliver(String subject, String body) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("dcb@example.gov.cn"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        message.saveChanges();
        mailUser.deliver(message);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<JsonNode> itemsFrom(String source) {
        List<JsonNode> items = new ArrayList<>();
        hub.items("").forEach(item -> {
            if (item.get("source").asText().equals(source)) {
                items.add(item);
            }
        });
        return items;
    }

    private static JsonNode byTitle(List<JsonNode> items, String title) {
        return items.stream().filter(i -> i.get("title").asText().equals(title)).findFirst().orElseThrow();
    }

    private static JsonNode awaitReject(String route) {
        await(() -> reject(route) != null);
        return reject(route);
    }

    private static JsonNode reject(String route) {
        JsonNode rejects = hub.json(hub.get("/api/intake/rejects?size=100")).get("rejects");
        return StreamSupport.stream(rejects.spliterator(), false)
                .filter(r -> r.get("route").asText().equals(route)).findFirst().orElse(null);
    }

    private static JsonNode route(JsonNode routes, String id) {
        return StreamSupport.stream(routes.spliterator(), false).filter(r -> r.get("route").asText().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no route " + id + " in " + routes));
    }

    // GreenMail's connection threads throw when the test stops the mailbox under them; Awaitility would otherwise
    // rethrow that from whichever wait is running.
    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(condition);
    }
}
