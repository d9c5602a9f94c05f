package org.sunshinehub.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sunshinehub.security.Role;
import org.sunshinehub.support.ConsoleClient;
import org.sunshinehub.support.TestHub;

/** 订阅者 → CSV 导入 in the console: the upload returns at once, and the import's page shows its progress to the end. */
class ImportPagesIntegrationTests {

    private static TestHub hub;

    @BeforeAll
    static void start() {
        hub = TestHub.start();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void anUploadedFileIsImportedInTheBackgroundWithItsCountsAndRejectedRowsOnItsPage() {
        // Given a publisher in the console and a file of 450 rows, one of them with a bad phone (line 4)
        ConsoleClient console = signedIn("imp-pub-" + UUID.randomUUID().toString().substring(0, 6), Role.PUBLISHER);
        StringBuilder csv = new StringBuilder("phone,topics\n");
        for (int i = 0; i < 450; i++) {
            csv.append(i == 2 ? "12345" : String.format("1363%07d", i)).append(",社会救助\n");
        }

        // When it is uploaded
        HttpResponse<String> started = console.upload("/subscribers", "/subscribers/import", "file", "名单.csv",
                csv.toString());

        // Then the browser goes to the import's page, whose progress ends with the counts and the rejected row
        assertThat(started.statusCode()).isEqualTo(302);
        String page = started.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(page).startsWith("/subscribers/imports/");
        assertThat(console.get(page).body()).contains("CSV 导入：名单.csv", "id=\"import-progress\"");
        Awaitility.await().atMost(TestHub.PATIENCE).untilAsserted(() ->
                assertThat(console.getFragment(page + "/progress").body()).contains("导入完成"));
        String done = console.getFragment(page + "/progress").body();
        assertThat(done).contains("已读 450 行", "新增 449", "拒收 1", "<td>4</td>").doesNotContain("hx-trigger");
        assertThat(console.get("/subscribers?phone=13630000449").body()).contains("共 1 人");
    }

    @Test
    void anAuditorCannotImport() {
        ConsoleClient auditor = signedIn("imp-aud-" + UUID.randomUUID().toString().substring(0, 6), Role.AUDITOR);

        HttpResponse<String> refused = auditor.upload("/subscribers", "/subscribers/import", "file", "a.csv",
                "phone\n13630009999\n");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(auditor.get("/subscribers?phone=13630009999").body()).contains("共 0 人");
    }

    private static ConsoleClient signedIn(String username, Role role) {
        hub.staff(username, Set.of(role), List.of(), null);
        ConsoleClient console = new ConsoleClient(hub);
        console.signIn(username, TestHub.STAFF_PASSWORD);
        return console;
    }
}
