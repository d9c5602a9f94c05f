package org.sunshinehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sunshinehub.security.Role;
import org.sunshinehub.support.ConsoleClient;
import org.sunshinehub.support.TestHub;

/** The console's 系统 screen shows each source route's health, as GET /api/sources reads it, to ADMIN and AUDITOR. */
class SourcePanelIntegrationTests {

    private final TestHub hub = TestHub.shared();
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void anAdminSeesEachSourceRouteWithItsStatusAndHealth() {
        // Given an ADMIN signed in to the console
        ConsoleClient console = signedIn("sp-adm-" + suffix, Role.ADMIN);

        // When the 系统 screen and its 数据源 panel are loaded
        HttpResponse<String> admin = console.get("/admin");
        HttpResponse<String> panel = console.get("/admin/sources");

        // Then the screen loads the panel, and the panel lists the repository's routes with their status
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("hx-get=\"/admin/sources\"");
        assertThat(panel.statusCode()).as(panel.body()).isEqualTo(200);
        assertThat(panel.body()).contains("数据源", "健康", "已接收", "已拒绝", "最近成功", "最近失败");
        for (String route : List.of("oa-inbox", "feed-poller")) {
            assertThat(row(panel.body(), route)).contains("<td>" + route + "</td>", "Started");
        }
        assertThat(panel.body()).doesNotContain("路由文件加载失败");
    }

    @Test
    void htmxGetsThePanelAloneToSwapIntoTheScreen() {
        // Given an ADMIN signed in; When htmx loads the panel
        HttpResponse<String> fragment = signedIn("sp-hx-" + suffix, Role.ADMIN).getFragment("/admin/sources");

        // Then it is the panel alone, no page around it
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body().strip()).startsWith("<section id=\"sources\"").doesNotContain("<html", "<header");
        assertThat(row(fragment.body(), "oa-inbox")).contains("Started");
    }

    @Test
    void anAuditorReadsThePanelAndADivisionIsRefused() {
        // Given an AUDITOR and a DIVISION account signed in
        ConsoleClient auditor = signedIn("sp-aud-" + suffix, Role.AUDITOR);
        ConsoleClient division = signedIn("sp-div-" + suffix, Role.DIVISION);

        // When each asks for the panel; Then the auditor reads it and the division is refused
        assertThat(auditor.get("/admin/sources").body()).contains("<td>oa-inbox</td>");
        assertThat(division.get("/admin/sources").statusCode()).isEqualTo(403);
        assertThat(division.get("/admin").statusCode()).isEqualTo(403);
    }

    private ConsoleClient signedIn(String username, Role role) {
        hub.staff(username, Set.of(role), List.of(), role == Role.DIVISION ? "social-assistance" : null);
        ConsoleClient console = new ConsoleClient(hub);
        console.signIn(username, TestHub.STAFF_PASSWORD);
        return console;
    }

    /** The table row of one route, from its id to the row's end. */
    private static String row(String html, String route) {
        int start = html.indexOf("id=\"source-" + route + "\"");
        assertThat(start).as("a row for " + route).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
