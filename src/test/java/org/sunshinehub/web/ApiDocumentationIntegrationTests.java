package org.sunshinehub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.sunshinehub.support.HeadlessChromium;
import org.sunshinehub.support.TestHub;

/**
 * {@code /v3/api-docs} describes every endpoint Spring MVC routes under {@code /api/**} and {@code /callbacks/**},
 * each with a Chinese summary and problem+json errors, so an endpoint added without a description fails here; the
 * API page loads in a real headless Chromium.
 */
class ApiDocumentationIntegrationTests {

    private static final TestHub hub = TestHub.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theDescriptionListsEveryApiAndCallbackEndpointWithAChineseSummary() throws Exception {
        // Given the endpoints Spring MVC routes
        RequestMappingHandlerMapping mapping = hub.bean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        // When the description is read without credentials
        HttpResponse<String> response = anonymous("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode api = TestHub.json(response);

        // Then it is an OpenAPI 3 document with both ways in
        assertThat(api.get("openapi").asText()).startsWith("3.");
        assertThat(api.at("/components/securitySchemes/apiKey/name").asText()).isEqualTo("X-Api-Key");
        assertThat(api.at("/components/securitySchemes/staffAccount/scheme").asText()).isEqualTo("basic");
        // and every routed operation is in it, summarised in Chinese, with problem+json errors
        List<String> checked = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, method) -> {
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/") && !path.startsWith("/callbacks/")) {
                    continue;
                }
                for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
                    String where = verb + " " + path + " (" + method + ")";
                    JsonNode operation = api.get("paths").path(path).path(verb.name().toLowerCase(Locale.ROOT));
                    assertThat(operation.isMissingNode()).as(where + " is described").isFalse();
                    assertThat(operation.path("summary").asText()).as(where + " has a Chinese summary")
                            .containsPattern("\\p{IsHan}");
                    assertThat(operation.at("/responses/400/content").has("application/problem+json"))
                            .as(where + " answers errors as problem+json").isTrue();
                    checked.add(where);
                }
            }
        });
        assertThat(checked).hasSizeGreaterThan(40);
        assertThat(api.at("/paths/~1api~1plans/post/security").toString()).contains("apiKey", "staffAccount");
        assertThat(api.at("/paths/~1callbacks~1wechat~1{account}/post/security")).isEmpty();
    }

    @Test
    void theApiPageLoadsInHeadlessChromium() {
        // Given a headless Chromium, signed in nowhere
        WebDriver browser = HeadlessChromium.start(options -> options.addArguments("--window-size=1280,1000"));
        try {
            // When it opens the API page
            browser.get("http://localhost:" + hub.port() + "/swagger-ui.html");
            // Then the page shows the hub's API with its operations' Chinese summaries
            Awaitility.await().ignoreExceptions().atMost(TestHub.PATIENCE).untilAsserted(() -> {
                assertThat(browser.findElement(By.cssSelector(".info .title")).getText()).contains("阳光政务推送中枢 API");
                assertThat(browser.findElements(By.cssSelector(".opblock-summary-description")))
                        .anySatisfy(e -> assertThat(e.getText()).isEqualTo("创建推送计划"));
            });
        } finally {
            browser.quit();
        }
    }

    private static HttpResponse<String> anonymous(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + hub.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
