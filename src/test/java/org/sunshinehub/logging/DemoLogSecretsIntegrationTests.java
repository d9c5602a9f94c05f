package org.sunshinehub.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.sunshinehub.support.TestHub;

/**
 * The demo with every provider answering errors, and WxJava at DEBUG (it logs each request
 * URL with its access_token and each body with its openids): the whole log holds no secret, token, key, full
 * phone number or openid.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoLogSecretsIntegrationTests {

    private static final String WECHAT_SECRET = "WxSecretForLogTest0001";
    private static final String WECHAT_TOKEN = "WxTokenForLogTest0001";
    private static final String AES_KEY = "AesKeyForLogTest0001AesKeyForLogTest0001abc";
    private static final String JPUSH_SECRET = "JPushMasterForLogTest01";
    /** The sandbox makes the Weibo token: this prefix and random characters. */
    private static final String WEIBO_TOKEN = "sandbox-weibo-";
    private static final String APP_KEY = "AppKeyForLogTest0001";
    private static final String CALLBACK_TOKEN = "SmsCallbackTokenForLogTest";

    @Test
    void aDemoRunWithProviderErrorsLogsNoSecretTokenPhoneOrOpenid(CapturedOutput output) throws Exception {
        // Given the demo with known credentials, SMS refusing two of the audience's numbers (one of them also WeChat's
        // unfollowed demo openid) and throttling, WxJava at DEBUG
        TestHub hub = TestHub.start("--spring.profiles.active=demo", "--sunshine.demo.subscribers=300",
                "--sunshine.demo.seed-inbox-from=samples/oa",
                "--sunshine.wechat.accounts.gov.secret=" + WECHAT_SECRET,
                "--sunshine.wechat.accounts.gov.token=" + WECHAT_TOKEN,
                "--sunshine.wechat.accounts.gov.aes-key=" + AES_KEY,
                "--sunshine.app.jpush.master-secret=" + JPUSH_SECRET,
                "--sunshine.app.api-keys=" + APP_KEY, "--sunshine.sms.callback-token=" + CALLBACK_TOKEN,
                "--sunshine.sandbox.faults.invalid-numbers=13900000000,13900000015",
                "--sunshine.sandbox.faults.flow-control-rate=0.2",
                "--sunshine.dispatch.channels.sms.quiet-hours=",
                "--logging.level.me.chanjar.weixin=DEBUG");
        try {
            // When WeChat, JPush and Weibo answer errors too, and an item goes out on all four channels
            assertThat(hub.sandbox("POST", "/admin/wechat/faults", "{\"errcode\":45009,\"times\":2}").statusCode()).isEqualTo(200);
            assertThat(hub.sandbox("POST", "/admin/jpush/faults", "{\"code\":1000,\"times\":2}").statusCode()).isEqualTo(200);
            assertThat(hub.sandbox("POST", "/admin/weibo/faults", "{\"expiredToken\":true}").statusCode()).isEqualTo(200);
            String item = TestHub.json(hub.post("/api/intake/disclosures", """
                    {"source":"website","sourceId":"log-secrets-1","title":"关于日志脱敏检查的公告",
                     "issuer":"广东省民政厅","url":"https://smzt.gd.gov.cn/zwgk/log.html"}""")).get("id").asText();
            HttpResponse<String> plan = hub.post("/api/plans", "{\"itemId\":\"" + item
                    + "\",\"channels\":[\"wechat\",\"sms\"],\"audience\":{\"topics\":[\"政策解读\"]},\"urgent\":true}");
            assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
            assertThat(hub.post("/api/plans", "{\"itemId\":\"" + item + "\",\"channels\":[\"app\",\"weibo\"],"
                    + "\"audience\":{\"topics\":[\"政策解读\"]}}").statusCode()).isEqualTo(201);
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                String log = output.getOut();
                return log.contains("BaseWxMpServiceImpl") && log.contains("(43004)")
                        && log.contains("MOBILE_NUMBER_ILLEGAL") && log.contains("(21327)");
            });
        } finally {
            hub.close();
        }

        // Then the whole log is free of them
        String log = output.getOut() + output.getErr();
        assertThat(log).contains("access_token=****", "Aliyun SMS answered");
        assertThat(log).doesNotContain(WECHAT_SECRET, WECHAT_TOKEN, AES_KEY, JPUSH_SECRET, WEIBO_TOKEN, APP_KEY,
                CALLBACK_TOKEN, TestHub.API_KEY, "sandbox-access-secret", "SANDBOX_TOKEN_", "oDemo");
        assertThat(matches(log, "(?<!\\d)1[3-9]\\d{9}(?!\\d)")).isEmpty();
        assertThat(matches(log, "(?<![A-Za-z0-9_-])o[A-Za-z0-9_-]{27}(?![A-Za-z0-9_-])")).isEmpty();
        assertThat(matches(log, "(?i)(access_token|secret|x-api-key|key)\\s*[=:]\\s*\"?(?!\\*\\*\\*\\*)[A-Za-z0-9_-]{6,}"))
                .isEmpty();
    }

    private static List<String> matches(String log, String regex) {
        return Pattern.compile(regex).matcher(log).results().map(m -> m.group()).distinct().limit(5).toList();
    }

}
