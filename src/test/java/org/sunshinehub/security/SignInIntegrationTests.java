package org.sunshinehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sunshinehub.support.ConsoleClient;
import org.sunshinehub.support.TestHub;

/** The console's sign-in: session cookie, CSRF, lock-out, the forced change of a one-time password. */
class SignInIntegrationTests {

    private final TestHub hub = TestHub.shared();

    @Test
    void theConsoleSendsAStrangerToTheSignInPage() {
        HttpResponse<String> root = new ConsoleClient(hub).get("/");

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(new ConsoleClient(hub).get("/login").body()).contains("工作人员登录", "name=\"_csrf\"");
    }

    @Test
    void aSignInGivesAnHttpOnlySameSiteSessionCookieAndTheDashboard() {
        String user = hub.staff("signin-ok", Set.of(Role.PUBLISHER), List.of(), null);
        ConsoleClient console = new ConsoleClient(hub);

        HttpResponse<String> signedIn = console.signIn(user, TestHub.STAFF_PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/");
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Strict"));
        assertThat(console.get("/").body()).contains("工作台", "signin-ok 测试");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        String user = hub.staff("signin-csrf", Set.of(Role.PUBLISHER), List.of(), null);
        ConsoleClient console = new ConsoleClient(hub);
        console.signIn(user, TestHub.STAFF_PASSWORD);

        HttpResponse<String> forged = console.post("/no-such-page", "/password",
                Map.of("current", TestHub.STAFF_PASSWORD, "next", "forged-password-1", "repeat", "forged-password-1"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(new ConsoleClient(hub).signIn(user, TestHub.STAFF_PASSWORD).headers().firstValue("Location")
                .orElseThrow()).endsWith("/");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
        String user = hub.staff("signin-lock", Set.of(Role.AUDITOR), List.of(), null);
        ConsoleClient console = new ConsoleClient(hub);

        for (int i = 0; i < 5; i++) {
            assertThat(console.signIn(user, "wrong-" + i).headers().firstValue("Location").orElseThrow()).endsWith("error=bad");
        }
        HttpResponse<String> right = console.signIn(user, TestHub.STAFF_PASSWORD);

        assertThat(right.headers().firstValue("Location").orElseThrow()).endsWith("error=locked");
        assertThat(hub.bean(StaffAccounts.class).find(user).orElseThrow().lockedUntil()).isNotNull();
    }

    @Test
    void aOneTimePasswordMustBeChangedBeforeAnythingElse() {
        StaffAccounts accounts = hub.bean(StaffAccounts.class);
        String once = accounts.create(new StaffAccounts.NewAccount("signin-once", "新同事", null, Set.of(Role.RESPONDER),
                List.of(), List.of(), null, null));
        ConsoleClient console = new ConsoleClient(hub);
        console.signIn("signin-once", once);

        HttpResponse<String> dashboard = console.get("/");
        HttpResponse<String> tooShort = console.post("/password", "/password",
                Map.of("current", once, "next", "short", "repeat", "short"));
        HttpResponse<String> changed = console.post("/password", "/password",
                Map.of("current", once, "next", "my-own-password", "repeat", "my-own-password"));

        assertThat(dashboard.headers().firstValue("Location").orElseThrow()).endsWith("/password");
        assertThat(tooShort.body()).contains("新密码须为 10–128 个字符");
        assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/");
        assertThat(console.get("/").statusCode()).isEqualTo(200);
        assertThat(accounts.find("signin-once").orElseThrow().mustChangePassword()).isFalse();
    }

    @Test
    void anEmptyDatabaseGetsOneAdministratorWithAOneTimePassword() {
        StaffAccount admin = hub.bean(StaffAccounts.class).find("admin").orElseThrow();

        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.mustChangePassword()).isTrue();
        assertThat(admin.passwordHash()).startsWith("{bcrypt}");
    }
}
