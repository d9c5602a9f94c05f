package org.sunshinehub.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class SafeLogConvertersUnitTests {

    private static final LoggerContext CONTEXT = new LoggerContext();

    private static String message(String format, Object... args) {
        return new SafeMessageConverter().convert(event(format, null, args));
    }

    private static LoggingEvent event(String format, Throwable thrown, Object... args) {
        return new LoggingEvent("x", CONTEXT.getLogger("test"), Level.WARN, format, thrown, args);
    }

    @Test
    void wxJavaErrorWarningLosesTokenOpenidAndLineBreaks() {
        // Given what WxJava logs when WeChat answers an error
        String logged = message("\n【请求地址】: {}\n【请求参数】：{}\n【错误信息】：{}",
                "http://127.0.0.1:1234/cgi-bin/message/template/send?access_token=ACCESS-TOKEN-123&x=1",
                "{\"touser\":\"oDemoUnfollowed0100\",\"template_id\":\"T1\",\"data\":{}}",
                "错误代码：43004, 错误信息：需要接收者关注");

        // Then the token and the openid are masked and it is one line
        assertThat(logged).doesNotContain("ACCESS-TOKEN-123", "oDemoUnfollowed0100", "\n")
                .contains("access_token=****", "\"touser\":\"oDe****\"", "\\n【请求参数】", "43004");
    }

    @Test
    void secretsAfterTheirNamesAreMaskedInQueriesHeadersJsonAndRecords() {
        assertThat(message("GET /cgi-bin/token?grant_type=client_credential&appid=wx1&secret=APPSECRET1"))
                .contains("secret=****").doesNotContain("APPSECRET1");
        assertThat(message("X-Api-Key: staff-key-9")).isEqualTo("X-Api-Key: ****");
        assertThat(message("{\"appsecret\":\"S3\",\"masterSecret\": \"M4\",\"accessKeySecret\":\"K5\"}"))
                .doesNotContain("S3", "M4", "K5");
        assertThat(message("Account[appId=wx1, secret=abc, token=tok, aesKey=k1]"))
                .isEqualTo("Account[appId=wx1, secret=****, token=****, aesKey=****]");
        assertThat(message("Authorization: ACS3-HMAC-SHA256 Credential=LTAI5t,SignedHeaders=host,Signature=ab12"))
                .isEqualTo("Authorization: ****");
        assertThat(message("POST /callbacks/aliyun-sms/path-token-7/report")).doesNotContain("path-token-7");
        assertThat(message("key=demo-abc&other=1")).isEqualTo("key=****&other=1");
    }

    @Test
    void phoneNumbersKeepOnlyTheirFirstThreeAndLastFourDigits() {
        assertThat(message("SMS to 13900000002, +8613912345678 and 8618612345678; order 123456789012"))
                .isEqualTo("SMS to 139****0002, +86139****5678 and 86186****5678; order 123456789012");
        assertThat(message("PhoneNumbers=13900000002%2C15000000003")).isEqualTo("PhoneNumbers=139****0002%2C150****0003");
    }

    @Test
    void openidsAreMaskedByNameInJsonXmlAndQueriesAndByTheirShape() {
        assertThat(message("<xml><FromUserName><![CDATA[oMe]]></FromUserName></xml>")).doesNotContain("oMe");
        assertThat(message("{\"touser\":[\"oA1\",\"oB2\"]}")).doesNotContain("oA1", "oB2");
        assertThat(message("/cgi-bin/user/info?openid=oShort&lang=zh_CN")).doesNotContain("oShort");
        assertThat(message("follower o6_bmjrPTlm6_2sgVt7hMZOPfL2M followed")).doesNotContain("o6_bmjrPTlm6_2sgVt7hMZOPfL2M");
        assertThat(message("reply from oDemoFollower1")).isEqualTo("reply from oDe****");
        assertThat(message("ordinary text stays: 关于养老服务的通知 order-42")).isEqualTo("ordinary text stays: 关于养老服务的通知 order-42");
    }

    @Test
    void aTitleWithANewlineCannotForgeALogLine() {
        // Given a title that tries to start a log line of its own, with a terminal escape
        String logged = message("Received 《{}》", "标题\r\n2026-12-01T09:00:00.000+08:00  INFO 1 --- forged\u001B[2J\u0000");

        // Then it is one line and the controls are visible escapes
        assertThat(logged).doesNotContain("\n", "\r", "\u001B", "\u0000")
                .contains("标题\\r\\n2026-12-01", "\\u001b[2J", "\\u0000");
    }

    @Test
    void exceptionMessagesAreMaskedAndKeptOnOneLineButFramesStay() {
        Exception thrown = new IllegalStateException("bad URL ?access_token=TK1\nforged line",
                new RuntimeException("cause with 13900000002"));
        LoggingEvent event = event("failed", thrown);
        SafeThrowableConverter converter = new SafeThrowableConverter();
        converter.setContext(CONTEXT);
        converter.start();

        String logged = converter.convert(event);

        assertThat(logged).doesNotContain("TK1", "13900000002").contains("access_token=****\\nforged line",
                "139****0002", "\tat org.sunshinehub.logging");
        assertThat(logged.lines().filter(l -> l.contains("forged"))).allMatch(l -> l.contains("IllegalStateException"));
    }
}
