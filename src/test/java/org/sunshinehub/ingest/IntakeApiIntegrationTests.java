package org.sunshinehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sunshinehub.support.TestHub;

/** REST intake and the opinion-monitor webhook on the running hub. */
class IntakeApiIntegrationTests {

    private final TestHub hub = TestHub.shared();

    private static String disclosure(String sourceId, String title) {
        return """
                {"source":"oa","sourceId":"%s","title":"%s","docNumber":"粤民发〔2026〕12号",
                 "issuer":"广东省民政厅","category":"社会救助","publishedAt":"2026-11-20T09:00:00+08:00",
                 "url":"https://smzt.gd.gov.cn/zwgk/post_1.html","summary":"低保标准调整"}
                """.formatted(sourceId, title);
    }

    @Test
    void newItemIsCreatedInReviewAndTheSameSourceIdAgainChangesNothing() {
        String sourceId = UUID.randomUUID().toString();

        HttpResponse<String> first = hub.post("/api/intake/disclosures", disclosure(sourceId, "关于调整城乡低保标准的通知"));
        HttpResponse<String> again = hub.post("/api/intake/disclosures", disclosure(sourceId, "改过的标题"));

        assertThat(first.statusCode()).isEqualTo(201);
        JsonNode created = TestHub.json(first);
        assertThat(created.get("kind").asText()).isEqualTo("DISCLOSURE");
        assertThat(created.get("state").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(created.get("pendingLevels").toString()).isEqualTo("[\"初审\",\"审核\",\"复核\",\"审定\"]");
        assertThat(created.get("publishedAt").asText()).isEqualTo("2026-11-20T09:00:00+08:00");
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode existing = TestHub.json(again);
        assertThat(existing.get("id").asText()).isEqualTo(created.get("id").asText());
        assertThat(existing.get("title").asText()).isEqualTo("关于调整城乡低保标准的通知");
        assertThat(TestHub.json(hub.get("/api/items/" + created.get("id").asText())).get("title").asText())
                .isEqualTo("关于调整城乡低保标准的通知");
    }

    @Test
    void invalidFieldsAreEachNamedIn400() {
        HttpResponse<String> response = hub.post("/api/intake/consultations", """
                {"source":"oa mis","title":"","url":"ftp://x","publishedAt":"yesterday",
                 "opensAt":"2026-12-01","closesAt":"2026-11-01","colour":"red"}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode fields = TestHub.json(response).get("fields");
        assertThat(fields.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("source", "sourceId", "title", "url", "publishedAt", "closesAt", "colour");
    }

    @Test
    void malformedJsonIs400WithoutStackTrace() {
        HttpResponse<String> response = hub.post("/api/intake/disclosures", "{\"source\": \"oa\", ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("JSON").doesNotContain("at org.", "Exception");
    }

    @Test
    void aJsonArrayOrWrongMediaTypeOrUnknownPathIsA4xx() {
        assertThat(hub.post("/api/intake/disclosures", "[1,2]").statusCode()).isEqualTo(400);
        assertThat(hub.send(hub.request("/api/intake/disclosures").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hi"))).statusCode()).isEqualTo(415);
        assertThat(hub.post("/api/intake/memos", disclosure("x", "y")).statusCode()).isEqualTo(404);
        assertThat(hub.get("/api/items/not-an-id").statusCode()).isEqualTo(404);
        assertThat(hub.get("/api/items?kind=memo").statusCode()).isEqualTo(400);
    }

    @Test
    void matchingTheNegativeListStoresTheItemWithheldWithTheRule() {
        HttpResponse<String> response = hub.post("/api/intake/disclosures",
                disclosure(UUID.randomUUID().toString(), "关于某项目机密资料的说明"));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode item = TestHub.json(response);
        assertThat(item.get("state").asText()).isEqualTo("WITHHELD");
        assertThat(item.get("withheld").get("ruleId").asText()).isEqualTo("state-secret");
        assertThat(item.get("withheld").get("matched").asText()).contains("机密");
        assertThat(item.get("pendingLevels")).isEmpty();
    }

    @Test
    void opinionMonitorAlertBecomesAnOpinionTaskOnce() {
        String alert = """
                {"alertId":"%s","topic":"网传某地低保发放延迟","level":"重大突发","platform":"微博",
                 "detectedAt":"2026-11-22T20:15:00+08:00","summary":"阅读量 50 万"}
                """.formatted(UUID.randomUUID());

        HttpResponse<String> first = hub.post("/api/intake/opinion-monitor", alert);
        HttpResponse<String> again = hub.post("/api/intake/opinion-monitor", alert);
        HttpResponse<String> bad = hub.post("/api/intake/opinion-monitor", "{\"alertId\":\"a1\",\"level\":\"紧急\",\"source\":\"x\"}");

        assertThat(first.statusCode()).isEqualTo(201);
        JsonNode task = TestHub.json(first);
        assertThat(task.get("kind").asText()).isEqualTo("OPINION_TASK");
        assertThat(task.get("severity").asText()).isEqualTo("重大突发");
        assertThat(task.get("source").asText()).isEqualTo("opinion-monitor");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(TestHub.json(bad).get("fields").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("level", "topic", "source");
    }

    @Test
    void listingFiltersByKindStateAndText() {
        String marker = "筛选测试" + UUID.randomUUID().toString().substring(0, 8);
        hub.post("/api/intake/disclosures", disclosure(UUID.randomUUID().toString(), marker + "通知"));

        JsonNode page = TestHub.json(hub.get("/api/items?kind=disclosure&state=pending_review&q=" + marker));

        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("title").asText()).isEqualTo(marker + "通知");
        assertThat(TestHub.json(hub.get("/api/items?kind=consultation&q=" + marker)).get("total").asLong()).isZero();
    }
}
