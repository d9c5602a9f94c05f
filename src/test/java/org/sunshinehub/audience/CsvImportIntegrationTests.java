package org.sunshinehub.audience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sunshinehub.support.TestHub;

/** CSV files as offices really save them: Excel's GBK, UTF-8 with a BOM, quoted fields with commas and breaks. */
class CsvImportIntegrationTests {

    private static final Charset GBK = Charset.forName("GBK");
    private final TestHub hub = TestHub.shared();

    private HttpResponse<String> upload(byte[] body, String contentType) {
        return hub.send(hub.request("/api/subscribers/import").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private JsonNode topicsOf(String phone) {
        return TestHub.json(hub.get("/api/subscribers?phone=" + phone)).path("subscribers").path(0).path("topics");
    }

    @Test
    void excelGbkAndUtf8WithBomAreBothReadWithTheirChineseTopics() {
        // Given the same kind of file saved as GBK (no charset named) and as UTF-8 with a BOM
        byte[] gbk = "phone,topics\n13512340001,养老服务;社会救助\n".getBytes(GBK);
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.writeBytes("phone,topics\r\n13512340002,就业创业\r\n".getBytes(StandardCharsets.UTF_8));

        // When both are imported
        HttpResponse<String> first = upload(gbk, "text/csv");
        HttpResponse<String> second = upload(bom.toByteArray(), "text/csv");

        // Then both rows are created with their topics read right
        assertThat(TestHub.json(first).get("created").asLong()).as(first.body()).isEqualTo(1);
        assertThat(TestHub.json(second).get("created").asLong()).as(second.body()).isEqualTo(1);
        assertThat(topicsOf("13512340001").toString()).contains("养老服务", "社会救助");
        assertThat(topicsOf("13512340002").toString()).contains("就业创业");
    }

    @Test
    void aCharsetOnTheContentTypeIsHonoured() {
        byte[] gbk = "phone,topics\n13512340003,医疗保障\n".getBytes(GBK);

        HttpResponse<String> report = upload(gbk, "text/csv; charset=GBK");

        assertThat(TestHub.json(report).get("created").asLong()).as(report.body()).isEqualTo(1);
        assertThat(topicsOf("13512340003").toString()).contains("医疗保障");
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaksAndErrorsNameTheLineTheRowStartsOn() {
        String csv = """
                phone,topics,weiboUid
                13512340004,"养老服务|社会救助, 其他",
                "13512340005","教育
                入学",
                bad-phone,养老服务,
                """;

        JsonNode report = TestHub.json(upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv"));

        assertThat(report.get("rows").asLong()).isEqualTo(3);
        assertThat(report.get("created").asLong()).isEqualTo(2);
        assertThat(report.at("/errors/0/line").asLong()).isEqualTo(5);
        assertThat(topicsOf("13512340004").toString()).contains("社会救助, 其他");
        assertThat(topicsOf("13512340005").toString()).contains("教育 入学");
    }

    @Test
    void hugeOrHostileInputGets400WithoutBeingEchoed() {
        // Given a header name of 20,000 characters, a row of 300,000, an unterminated quote and bytes of no charset
        String longName = "x".repeat(20_000);
        HttpResponse<String> header = upload(("phone," + longName + "\n1,2\n").getBytes(StandardCharsets.UTF_8), "text/csv");
        HttpResponse<String> field = upload(("phone,topics\n13512340006," + "x".repeat(300_000) + "\n")
                .getBytes(StandardCharsets.UTF_8), "text/csv");
        HttpResponse<String> quote = upload("phone,topics\n\"13512340007,养老\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        HttpResponse<String> bytes = upload(new byte[] {'p', 'h', 'o', 'n', 'e', '\n', (byte) 0xFF, (byte) 0xFF, '\n'},
                "text/csv; charset=UTF-8");

        // Then each is a 400 with a short reason
        for (HttpResponse<String> r : new HttpResponse[] {header, field, quote, bytes}) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.body().length()).as(r.body()).isLessThan(600);
            assertThat(r.body()).doesNotContain("x".repeat(33));
        }
        assertThat(header.body()).contains("未知列");
        assertThat(field.body()).contains("超过");
        assertThat(bytes.body()).contains("编码");
    }

    @Test
    void aFieldOverItsBoundRejectsOnlyItsRowAndQuotesNothing() {
        String csv = "phone,topics\n13512340008," + "养".repeat(5_000) + "\n13512340009,养老服务\n";

        JsonNode report = TestHub.json(upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv"));

        assertThat(report.get("created").asLong()).isEqualTo(1);
        assertThat(report.get("rejected").asLong()).isEqualTo(1);
        assertThat(report.at("/errors/0/reason").asText()).contains("topics").hasSizeLessThan(60);
    }
}
