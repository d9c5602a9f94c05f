package org.sunshinehub.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sunshinehub.support.TestHub;

/** Review levels and the negative-list gate on the running hub. */
class ReviewIntegrationTests {

    private final TestHub hub = TestHub.shared();

    private String take(String category, String title) {
        HttpResponse<String> created = hub.post("/api/intake/disclosures", """
                {"source":"oa","sourceId":"%s","title":"%s","category":"%s"}
                """.formatted(UUID.randomUUID(), title, category));
        assertThat(created.statusCode()).isEqualTo(201);
        return TestHub.json(created).get("id").asText();
    }

    private HttpResponse<String> sign(String id, String level, String decision) {
        return hub.post("/api/items/" + id + "/reviews", """
                {"level":"%s","decision":"%s","reviewer":"张科长","comment":"同意"}
                """.formatted(level, decision));
    }

    @Test
    void threeLevelsApproveOnlyInOrder() {
        String id = take("养老服务", "关于养老机构等级评定的通知");

        HttpResponse<String> skipped = sign(id, "审核", "approve");
        HttpResponse<String> first = sign(id, "初审", "approve");
        HttpResponse<String> second = sign(id, "审核", "approve");
        HttpResponse<String> last = sign(id, "审定", "approve");
        HttpResponse<String> extra = sign(id, "审定", "approve");

        assertThat(skipped.statusCode()).isEqualTo(409);
        assertThat(TestHub.json(skipped).get("detail").asText()).contains("初审");
        assertThat(TestHub.json(first).get("state").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(TestHub.json(first).get("pendingLevels").toString()).isEqualTo("[\"审核\",\"审定\"]");
        assertThat(TestHub.json(second).get("pendingLevels").toString()).isEqualTo("[\"审定\"]");
        JsonNode approved = TestHub.json(last);
        assertThat(approved.get("state").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("reviews")).hasSize(3);
        assertThat(approved.get("reviews").get(2).get("reviewer").asText()).isEqualTo("张科长");
        assertThat(extra.statusCode()).isEqualTo(409);
        assertThat(TestHub.json(hub.get("/api/items/" + id)).get("reviews")).hasSize(3);
    }

    @Test
    void aRejectionEndsTheReview() {
        String id = take("社会救助", "关于临时救助标准的通知");

        assertThat(TestHub.json(sign(id, "初审", "reject")).get("state").asText()).isEqualTo("REJECTED");
        assertThat(sign(id, "审核", "approve").statusCode()).isEqualTo(409);
    }

    @Test
    void aWithheldItemCannotBeApproved() {
        String id = take("政策文件", "关于2027年度资金分配方案的讨论稿");

        HttpResponse<String> attempt = sign(id, "初审", "approve");

        assertThat(attempt.statusCode()).isEqualTo(409);
        assertThat(TestHub.json(attempt).get("detail").asText()).contains("负面清单", "process-information");
        assertThat(TestHub.json(hub.get("/api/items/" + id)).get("state").asText()).isEqualTo("WITHHELD");
    }

    @Test
    void badReviewRequestsAre400() {
        String id = take("政策文件", "关于政务公开工作要点的通知");

        assertThat(sign(id, "初审", "maybe").statusCode()).isEqualTo(400);
        HttpResponse<String> noReviewer = hub.post("/api/items/" + id + "/reviews", "{\"level\":\"初审\",\"decision\":\"approve\"}");
        assertThat(noReviewer.statusCode()).isEqualTo(400);
        assertThat(TestHub.json(noReviewer).get("fields").has("reviewer")).isTrue();
        assertThat(sign("0123456789abcdef01234567", "初审", "approve").statusCode()).isEqualTo(404);
    }

    @Test
    void negativeListEditsApplyWithoutRestart() throws IOException {
        Path rules = hub.home().resolve("config/negative-list.yaml");
        Files.writeString(rules, """
                  - id: test-added-rule
                    ground: 测试规则
                    keywords: [测试禁词甲乙丙]
                """, StandardOpenOption.APPEND);

        String id = take("政策文件", "包含测试禁词甲乙丙的通知");

        JsonNode item = TestHub.json(hub.get("/api/items/" + id));
        assertThat(item.get("state").asText()).isEqualTo("WITHHELD");
        assertThat(item.get("withheld").get("ruleId").asText()).isEqualTo("test-added-rule");
    }
}
