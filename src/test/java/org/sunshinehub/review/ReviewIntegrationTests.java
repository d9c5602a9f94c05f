package org.sunshinehub.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sunshinehub.security.Role;
import org.sunshinehub.support.TestHub;

/** Review levels, who may sign them, and the negative-list gate on the running hub. */
class ReviewIntegrationTests {

    private static final TestHub hub = TestHub.shared();
    private static final String FIRST = account("初审");
    private static final String SECOND = account("审核");
    private static final String THIRD = account("复核");
    private static final String LAST = account("审定");

    private static String account(String level) {
        return hub.staff("rv-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.REVIEWER), List.of(level), null);
    }

    private String take(String category, String title) {
        HttpResponse<String> created = hub.post("/api/intake/disclosures", """
                {"source":"oa","sourceId":"%s","title":"%s","category":"%s"}
                """.formatted(UUID.randomUUID(), title, category));
        assertThat(created.statusCode()).isEqualTo(201);
        return TestHub.json(created).get("id").asText();
    }

    private HttpResponse<String> sign(String account, String id, String level, String decision) {
        return hub.postAs(account, "/api/items/" + id + "/reviews", """
                {"level":"%s","decision":"%s","comment":"同意"}
                """.formatted(level, decision));
    }

    @Test
    void threeLevelsApproveOnlyInOrderEachByItsOwnReviewer() {
        String id = take("养老服务", "关于养老机构等级评定的通知");

        HttpResponse<String> skipped = sign(SECOND, id, "审核", "approve");
        HttpResponse<String> first = sign(FIRST, id, "初审", "approve");
        HttpResponse<String> second = sign(SECOND, id, "审核", "approve");
        HttpResponse<String> last = sign(LAST, id, "审定", "approve");
        HttpResponse<String> extra = sign(LAST, id, "审定", "approve");

        assertThat(skipped.statusCode()).isEqualTo(409);
        assertThat(TestHub.json(skipped).get("detail").asText()).contains("初审");
        assertThat(TestHub.json(first).get("state").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(TestHub.json(first).get("pendingLevels").toString()).isEqualTo("[\"审核\",\"审定\"]");
        assertThat(TestHub.json(second).get("pendingLevels").toString()).isEqualTo("[\"审定\"]");
        JsonNode approved = TestHub.json(last);
        assertThat(approved.get("state").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("reviews")).hasSize(3);
        assertThat(approved.get("reviews").get(0).get("reviewer").asText()).isEqualTo(FIRST);
        assertThat(approved.get("reviews").get(2).get("reviewer").asText()).isEqualTo(LAST);
        assertThat(approved.get("reviews").get(2).get("reviewerName").asText()).isEqualTo(LAST + " 测试");
        assertThat(extra.statusCode()).isEqualTo(403);
        assertThat(TestHub.json(hub.get("/api/items/" + id)).get("reviews")).hasSize(3);
    }

    @Test
    void aLevelOutsideTheAccountsRoleIs403() {
        String id = take("社会救助", "关于最低生活保障标准调整的通知");

        HttpResponse<String> attempt = sign(SECOND, id, "初审", "approve");

        assertThat(attempt.statusCode()).isEqualTo(403);
        assertThat(TestHub.json(attempt).get("detail").asText()).contains("不能签署「初审」", "审核");
        assertThat(TestHub.json(hub.get("/api/items/" + id)).get("reviews")).isEmpty();
    }

    @Test
    void oneAccountCannotSignTwoLevelsOfAnItem() {
        String both = hub.staff("rv-both-" + UUID.randomUUID().toString().substring(0, 6), Set.of(Role.REVIEWER),
                List.of("初审", "审核"), null);
        String id = take("社会救助", "关于特困人员供养标准的通知");

        HttpResponse<String> first = sign(both, id, "初审", "approve");
        HttpResponse<String> second = sign(both, id, "审核", "approve");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(403);
        assertThat(TestHub.json(second).get("detail").asText()).contains("同一账号不能签署同一信息的两个级别", "初审");
        assertThat(TestHub.json(hub.get("/api/items/" + id)).get("pendingLevels").toString())
                .isEqualTo("[\"审核\",\"复核\",\"审定\"]");
        assertThat(sign(SECOND, id, "审核", "approve").statusCode()).isEqualTo(200);
        assertThat(sign(THIRD, id, "复核", "approve").statusCode()).isEqualTo(200);
    }

    @Test
    void anApiKeyCannotSign() {
        String id = take("政策文件", "关于政务公开标准目录的通知");

        HttpResponse<String> attempt = hub.post("/api/items/" + id + "/reviews", "{\"level\":\"初审\",\"decision\":\"approve\"}");

        assertThat(attempt.statusCode()).isEqualTo(403);
        assertThat(TestHub.json(attempt).get("detail").asText()).contains("本人的工作人员账号");
    }

    @Test
    void aReviewerNamedInTheBodyIsRefused() {
        String id = take("政策文件", "关于政务新媒体管理的通知");

        HttpResponse<String> attempt = hub.postAs(FIRST, "/api/items/" + id + "/reviews",
                "{\"level\":\"初审\",\"decision\":\"approve\",\"reviewer\":\"张科长\"}");

        assertThat(attempt.statusCode()).isEqualTo(400);
        assertThat(TestHub.json(attempt).get("detail").asText()).contains("reviewer");
        assertThat(TestHub.json(hub.get("/api/items/" + id)).get("reviews")).isEmpty();
    }

    @Test
    void aRejectionEndsTheReview() {
        String id = take("社会救助", "关于临时救助标准的通知");

        assertThat(TestHub.json(sign(FIRST, id, "初审", "reject")).get("state").asText()).isEqualTo("REJECTED");
        assertThat(sign(SECOND, id, "审核", "approve").statusCode()).isEqualTo(409);
    }

    @Test
    void aWithheldItemCannotBeApproved() {
        String id = take("政策文件", "关于2027年度资金分配方案的讨论稿");

        HttpResponse<String> attempt = sign(FIRST, id, "初审", "approve");

        assertThat(attempt.statusCode()).isEqualTo(409);
        assertThat(TestHub.json(attempt).get("detail").asText()).contains("负面清单", "process-information");
        assertThat(TestHub.json(hub.get("/api/items/" + id)).get("state").asText()).isEqualTo("WITHHELD");
    }

    @Test
    void badReviewRequestsAre400() {
        String id = take("政策文件", "关于政务公开工作要点的通知");

        assertThat(sign(FIRST, id, "初审", "maybe").statusCode()).isEqualTo(400);
        HttpResponse<String> noLevel = hub.postAs(FIRST, "/api/items/" + id + "/reviews", "{\"decision\":\"approve\"}");
        assertThat(noLevel.statusCode()).isEqualTo(400);
        assertThat(TestHub.json(noLevel).get("fields").has("level")).isTrue();
        assertThat(sign(FIRST, "0123456789abcdef01234567", "初审", "approve").statusCode()).isEqualTo(404);
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
