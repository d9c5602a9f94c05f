package org.sunshinehub.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sunshinehub.support.TestHub;

/** What staff get back when a plan cannot be made. */
class PlanApiIntegrationTests {

    private final TestHub hub = TestHub.shared();

    private String item(String source, String title) {
        return TestHub.json(hub.post("/api/intake/disclosures", """
                {"source":"%s","sourceId":"%s","title":"%s"}""".formatted(source, UUID.randomUUID(), title)))
                .get("id").asText();
    }

    private HttpResponse<String> plan(String body) {
        return hub.post("/api/plans", body);
    }

    @Test
    void onlyApprovedItemsCanBePlanned() {
        String pending = item("oa", "关于开展调研的通知");
        String withheld = item("oa", "关于资金安排的请示");

        HttpResponse<String> notYet = plan("{\"itemId\":\"" + pending + "\",\"channels\":[\"sms\"],\"audience\":{\"all\":true}}");
        HttpResponse<String> never = plan("{\"itemId\":\"" + withheld + "\",\"channels\":[\"sms\"],\"audience\":{\"all\":true}}");

        assertThat(notYet.statusCode()).isEqualTo(409);
        assertThat(TestHub.json(notYet).get("detail").asText()).contains("PENDING_REVIEW");
        assertThat(never.statusCode()).isEqualTo(409);
        assertThat(TestHub.json(never).get("detail").asText()).contains("负面清单");
    }

    @Test
    void badPlansAre4xxWithTheReason() {
        String approved = item("website", "关于网站改版的公告");

        assertThat(plan("{\"itemId\":\"" + approved + "\",\"channels\":[\"fax\"],\"audience\":{\"all\":true}}").statusCode())
                .isEqualTo(400);
        assertThat(plan("{\"itemId\":\"" + approved + "\",\"channels\":[\"sms\"]}").body()).contains("audience");
        assertThat(plan("{\"itemId\":\"0123456789abcdef01234567\",\"channels\":[\"sms\"],\"audience\":{\"all\":true}}")
                .statusCode()).isEqualTo(404);
        assertThat(plan("{\"itemId\":\"" + approved + "\",\"channels\":[\"sms\"],\"audience\":{\"all\":true},\"sendAt\":\"tomorrow\"}")
                .statusCode()).isEqualTo(400);
        assertThat(hub.get("/api/plans/no-such-plan").statusCode()).isEqualTo(404);
        assertThat(hub.post("/api/plans/no-such-plan/cancel", "").statusCode()).isEqualTo(404);
    }

    @Test
    void aChannelWithoutAProviderIsRefusedByName() {
        try (TestHub smsOnly = TestHub.start("--sunshine.sandbox.channels=sms")) {
            String approved = TestHub.json(smsOnly.post("/api/intake/disclosures", """
                    {"source":"website","sourceId":"%s","title":"关于渠道配置的公告"}""".formatted(UUID.randomUUID())))
                    .get("id").asText();
            HttpResponse<String> refused = smsOnly.post("/api/plans",
                    "{\"itemId\":\"" + approved + "\",\"channels\":[\"weibo\"],\"audience\":{\"all\":true}}");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("weibo", "尚未配置");
        }
    }
}
