package org.sunshinehub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sunshinehub.support.TestHub;

/**
 * The demo on all four channels, with an overdue opinion task, a refused callback and a held Weibo account: its
 * Prometheus scrape shows every meter the dashboard and the alert rules use, with values where the run exercised
 * them; the dashboard JSON and the alert rules parse and name only meters the hub has.
 */
class MetricsIntegrationTests {

    private static final Pattern SAMPLE = Pattern.compile("^(sunshine_[a-z_]+)(\\{[^}]*})? ([-0-9.eE+NaInf]+)$",
            Pattern.MULTILINE);
    private static final Pattern METER = Pattern.compile("sunshine_[a-z_]+");

    @Test
    void theDemosScrapeShowsEveryMeterTheDashboardAndAlertsUse() throws Exception {
        // Given the demo, Weibo's token expired, and a plan on every channel, an opinion task past its deadlines, a
        // repeated item and a callback with a wrong token
        try (TestHub hub = TestHub.start("--spring.profiles.active=demo", "--sunshine.demo.subscribers=100",
                "--sunshine.dispatch.channels.sms.quiet-hours=")) {
            hub.sandbox("POST", "/admin/weibo/faults", "{\"expiredToken\":true}");
            String disclosure = """
                    {"source":"website","sourceId":"metrics-1","title":"关于监控指标检查的公告",
                     "issuer":"广东省民政厅","url":"https://smzt.gd.gov.cn/zwgk/metrics.html"}""";
            String item = TestHub.json(hub.post("/api/intake/disclosures", disclosure)).get("id").asText();
            hub.post("/api/intake/disclosures", disclosure);
            assertThat(hub.post("/api/plans", "{\"itemId\":\"" + item + "\",\"channels\":[\"wechat\",\"sms\",\"app\","
                    + "\"weibo\"],\"audience\":{\"topics\":[\"政策解读\"]},\"urgent\":true}").statusCode()).isEqualTo(201);
            hub.post("/api/intake/opinion-tasks", """
                    {"source":"opinion-monitor","sourceId":"metrics-task","title":"网传低保停发","division":"social-assistance",
                     "publishedAt":"%s"}""".formatted(OffsetDateTime.ofInstant(hub.clock().instant(), SunshineHubApplication.ZONE).minusDays(10)));
            assertThat(hub.post("/callbacks/aliyun-sms/wrong-token/report", "[]").statusCode()).isBetween(400, 499);

            // When the deliveries and their receipts have come through
            Map<String, Double> scrape = new HashMap<>();
            await().atMost(TestHub.PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                scrape.clear();
                scrape.putAll(scrape(hub));
                assertThat(scrape).hasEntrySatisfying(series("sunshine_deliveries_total", "channel", "sms", "state",
                        "DELIVERED"), v -> assertThat(v).isPositive());
                assertThat(sum(scrape, "sunshine_receipts_total", "outcome=\"applied\"")).isPositive();
                assertThat(sum(scrape, "sunshine_callbacks_total", "provider=\"aliyun-sms\"", "outcome=\"accepted\""))
                        .isPositive();
                assertThat(scrape.get("sunshine_queue_blocks_held{channel=\"weibo\"}")).isPositive();
            });

            // Then the meters show what happened
            assertThat(sum(scrape, "sunshine_deliveries_total", "channel=\"wechat\"")).isPositive();
            assertThat(sum(scrape, "sunshine_provider_calls_seconds_count", "channel=\"sms\"")).isPositive();
            assertThat(sum(scrape, "sunshine_callbacks_total", "outcome=\"refused\"")).isPositive();
            assertThat(scrape.get("sunshine_channel_held_seconds{channel=\"weibo\"}")).isPositive();
            assertThat(sum(scrape, "sunshine_intake_total", "outcome=\"duplicate\"")).isPositive();
            assertThat(sum(scrape, "sunshine_intake_total", "source=\"website\"")).isGreaterThanOrEqualTo(2);
            assertThat(scrape.get("sunshine_opinion_tasks{state=\"OPEN\"}")).isPositive();
            assertThat(scrape.get("sunshine_opinion_tasks_overdue")).isPositive();
            assertThat(sum(scrape, "sunshine_feed_polls_total")).isPositive();
            assertThat(scrape).containsKeys("sunshine_fanouts_active{channel=\"sms\"}",
                    "sunshine_fanout_recipients_streamed{channel=\"sms\"}", "sunshine_queue_deliveries_waiting{channel=\"sms\"}",
                    "sunshine_queue_blocks_ready{channel=\"sms\"}", "sunshine_queue_blocks_retrying{channel=\"sms\"}");

            // and every meter the dashboard and the alert rules query is in the scrape
            Set<String> names = new LinkedHashSet<>();
            scrape.keySet().forEach(k -> names.add(k.replaceAll("\\{.*", "")));
            assertThat(dashboardMeters()).isNotEmpty().allSatisfy(m -> assertThat(names).contains(m));
            assertThat(alertMeters()).hasSizeGreaterThanOrEqualTo(5).allSatisfy(m -> assertThat(names).contains(m));
        }
    }

    private static Set<String> dashboardMeters() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("ops/grafana/sunshine-hub.json").toFile());
        Set<String> meters = new LinkedHashSet<>();
        assertThat(dashboard.get("panels")).isNotEmpty();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
            panel.get("targets").forEach(t -> meters.addAll(meters(t.get("expr").asText())));
        }
        return meters;
    }

    private static Set<String> alertMeters() throws Exception {
        JsonNode rules = new YAMLMapper().readTree(Path.of("ops/prometheus/alerts.yml").toFile());
        Set<String> meters = new LinkedHashSet<>();
        for (JsonNode rule : rules.get("groups").get(0).get("rules")) {
            Set<String> named = meters(rule.get("expr").asText());
            assertThat(named).as(rule.get("alert").asText()).isNotEmpty();
            meters.addAll(named);
        }
        return meters;
    }

    private static Set<String> meters(String expr) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = METER.matcher(expr);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    private static Map<String, Double> scrape(TestHub hub) {
        Map<String, Double> samples = new HashMap<>();
        Matcher m = SAMPLE.matcher(hub.get("/actuator/prometheus").body());
        while (m.find()) {
            samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
        }
        return samples;
    }

    private static String series(String name, String... tags) {
        StringBuilder s = new StringBuilder(name).append('{');
        for (int i = 0; i < tags.length; i += 2) {
            s.append(i == 0 ? "" : ",").append(tags[i]).append("=\"").append(tags[i + 1]).append('"');
        }
        return s.append('}').toString();
    }

    /** The sum of a meter's series whose labels contain each of {@code labels}. */
    private static double sum(Map<String, Double> scrape, String name, String... labels) {
        return scrape.entrySet().stream()
                .filter(e -> e.getKey().startsWith(name + "{") || e.getKey().equals(name))
                .filter(e -> Arrays.stream(labels).allMatch(e.getKey()::contains))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
