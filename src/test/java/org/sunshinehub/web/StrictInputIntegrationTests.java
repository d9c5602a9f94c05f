package org.sunshinehub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.sunshinehub.support.TestHub;

/** Each value the hub once answered with a 500 or misread is a 400 naming what was wrong. */
@ExtendWith(OutputCaptureExtension.class)
class StrictInputIntegrationTests {

    private final TestHub hub = TestHub.shared();

    private String pendingItem() {
        return TestHub.json(hub.post("/api/intake/disclosures", """
                {"source":"strict","sourceId":"%s","title":"严格输入测试"}""".formatted(UUID.randomUUID())))
                .get("id").asText();
    }

    @Test
    void datesOutsideSaneYearsAre400NamingTheField() {
        for (String year : new String[] {"+999999999", "-999999999", "1899", "2201"}) {
            String date = year + "-06-01T00:00:00+08:00";
            HttpResponse<String> intake = hub.post("/api/intake/disclosures", """
                    {"source":"strict","sourceId":"%s","title":"日期","publishedAt":"%s"}"""
                    .formatted(UUID.randomUUID(), date));
            HttpResponse<String> since = hub.get("/api/feedback?since=" + date.replace("+", "%2B"));
            HttpResponse<String> day = hub.get("/api/calendar/" + year.replace("+", "%2B") + "-01-01");
            HttpResponse<String> from = hub.get("/api/calendar/working-days?add=1&from=" + year.replace("+", "%2B")
                    + "-01-01");
            HttpResponse<String> plan = hub.post("/api/plans", """
                    {"itemId":"%s","channels":["sms"],"audience":{"all":true},"sendAt":"%s"}"""
                    .formatted(pendingItem(), date));

            assertThat(intake.statusCode()).as(year).isEqualTo(400);
            assertThat(TestHub.json(intake).get("fields").has("publishedAt")).isTrue();
            assertThat(since.statusCode()).as(since.body()).isEqualTo(400);
            assertThat(since.body()).contains("since");
            assertThat(day.statusCode()).isEqualTo(400);
            assertThat(from.statusCode()).isEqualTo(400);
            assertThat(from.body()).contains("from");
            assertThat(plan.statusCode()).isEqualTo(400);
            assertThat(plan.body()).contains("sendAt");
        }
        assertThat(hub.get("/api/calendar/2026-06-10").statusCode()).isEqualTo(200);
    }

    @Test
    void nullTopicsAndContradictoryAudiencesAre400() {
        String item = pendingItem();

        HttpResponse<String> nullTopic = hub.post("/api/plans", """
                {"itemId":"%s","channels":["sms"],"audience":{"topics":[null]}}""".formatted(item));
        HttpResponse<String> both = hub.post("/api/plans", """
                {"itemId":"%s","channels":["sms"],"audience":{"all":true,"topics":["养老"]}}""".formatted(item));

        assertThat(nullTopic.statusCode()).isEqualTo(400);
        assertThat(TestHub.json(nullTopic).get("fields").has("audience.topics")).isTrue();
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(TestHub.json(both).get("fields").has("audience")).isTrue();
    }

    @Test
    void aNumericDecisionIsRefusedAndTheItemIsUntouched() {
        String item = pendingItem();

        for (String decision : new String[] {"1", "0", "\"1\""}) {
            HttpResponse<String> review = hub.post("/api/items/" + item + "/reviews", """
                    {"level":"初审","decision":%s,"reviewer":"张科长"}""".formatted(decision));
            assertThat(review.statusCode()).as(decision).isEqualTo(400);
        }
        JsonNode after = TestHub.json(hub.get("/api/items/" + item));
        assertThat(after.get("state").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(after.get("reviews")).isEmpty();
    }

    @Test
    void aPageThatWouldOverflowIs400NotPageZero() {
        for (String path : new String[] {"/api/items", "/api/subscribers", "/api/feedback"}) {
            HttpResponse<String> deep = hub.get(path + "?page=2147483647&size=100");
            HttpResponse<String> huge = hub.get(path + "?page=99999999999");
            assertThat(deep.statusCode()).as(path).isEqualTo(400);
            assertThat(deep.body()).contains("page");
            assertThat(huge.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void errorsBeforeAndOutsideSpringAreProblemJsonWithoutATrace(CapturedOutput output) {
        HttpResponse<String> error = hub.get("/error");
        RawHttp.Answer rawChinese = RawHttp.send(hub.port(), "GET", "/api/items?q=养老服务",
                Map.of("X-Api-Key", TestHub.API_KEY), null);
        RawHttp.Answer badRequestLine = RawHttp.send(hub.port(), "GET", "/api/items?q={x}|<y>",
                Map.of("X-Api-Key", TestHub.API_KEY), null);
        HttpResponse<String> anonymousError = hub.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + hub.port() + "/error")));

        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(error.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(anonymousError.statusCode()).isEqualTo(404);
        for (RawHttp.Answer a : new RawHttp.Answer[] {rawChinese, badRequestLine}) {
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.text()).contains("application/problem+json").doesNotContain("<html", "Exception", "at org.");
        }
        assertThat(output.getAll()).doesNotContain("java.lang.IllegalArgumentException: Invalid character");
        assertThat(output.getAll().lines().filter(l -> l.startsWith("\tat org.apache.coyote"))).isEmpty();
    }

    @Test
    void anImportDeclaredOverTheCapIs413BeforeItIsRead() {
        RawHttp.Answer tooBig = RawHttp.send(hub.port(), "POST", "/api/subscribers/import",
                Map.of("X-Api-Key", TestHub.API_KEY, "Content-Type", "text/csv",
                        "Content-Length", String.valueOf(70L << 20)), null);

        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.text()).contains("application/problem+json");
    }
}
