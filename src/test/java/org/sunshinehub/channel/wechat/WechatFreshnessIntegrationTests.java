package org.sunshinehub.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sunshinehub.support.TestHub;

/**
 * Plain mode, where the signature covers only token, timestamp and nonce: a timestamp outside the window is
 * refused, and a captured (timestamp, nonce, signature) carries no other body.
 */
class WechatFreshnessIntegrationTests {

    private static TestHub hub;

    @BeforeAll
    static void start() {
        hub = TestHub.start("--sunshine.wechat.accounts.gov.mode=PLAIN", "--sunshine.sandbox.wechat-followers=0");
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void aTimestampOutsideFiveMinutesEitherWayIsRefused() {
        long now = hub.clock().instant().getEpochSecond();

        for (long ts : new long[] {now - 330, now + 330, 1, 0}) {
            assertThat(post(String.valueOf(ts), "771", message("过期", 1)).statusCode()).as("ts " + ts).isEqualTo(403);
            assertThat(verify(String.valueOf(ts)).statusCode()).isEqualTo(403);
        }
        assertThat(post("-5", "771", message("负数", 2)).statusCode()).isEqualTo(403);
        assertThat(post(now - 270 + "", "772", message("窗口内", 3)).statusCode()).isEqualTo(200);
        assertThat(verify(String.valueOf(now + 270)).statusCode()).isEqualTo(200);
        assertThat(feedback()).doesNotContain("过期", "负数").contains("窗口内");
    }

    @Test
    void aRepeatedTimestampAndNonceIsAnsweredAsBeforeOnlyForTheSameMessage() {
        String ts = String.valueOf(hub.clock().instant().getEpochSecond());
        String original = message("原始留言", 11);

        HttpResponse<String> first = post(ts, "9001", original);
        HttpResponse<String> retry = post(ts, "9001", original);
        HttpResponse<String> forged = post(ts, "9001", message("伪造留言", 12));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(content(retry.body())).isEqualTo(content(first.body()));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).doesNotContain("伪造");
        assertThat(feedback()).doesNotContain("伪造留言");
        assertThat(feedback().split("原始留言", -1)).hasSize(2);
    }

    @Test
    void aCapturedSignatureStopsWorkingWhenTheWindowHasPassed() {
        String ts = String.valueOf(hub.clock().instant().getEpochSecond());
        String text = message("稍后重放", 21);
        assertThat(post(ts, "9101", text).statusCode()).isEqualTo(200);

        hub.clock().advance(Duration.ofMinutes(6));
        try {
            assertThat(post(ts, "9101", text).statusCode()).isEqualTo(403);
        } finally {
            hub.clock().advance(Duration.ofMinutes(-6));
        }
    }

    private static String message(String text, int n) {
        return "<xml><ToUserName><![CDATA[gh_gov]]></ToUserName><FromUserName><![CDATA[oFresh" + n
                + "]]></FromUserName><CreateTime>" + hub.clock().instant().getEpochSecond()
                + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + text
                + "]]></Content><MsgId>" + (8_800_000_000_000_000_000L + n) + "</MsgId></xml>";
    }

    private static HttpResponse<String> post(String ts, String nonce, String body) {
        return hub.send(HttpRequest.newBuilder(url(query(ts, nonce))).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> verify(String ts) {
        return hub.send(HttpRequest.newBuilder(url(query(ts, "5150") + "&echostr=e1")).GET());
    }

    private static String query(String ts, String nonce) {
        String token = hub.property("sunshine.wechat.accounts.gov.token");
        return "signature=" + CallbackCipher.sign(token, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce;
    }

    private static URI url(String query) {
        return URI.create("http://127.0.0.1:" + hub.port() + "/callbacks/wechat/gov?" + query);
    }

    private static String feedback() {
        return TestHub.json(hub.get("/api/feedback?channel=wechat&size=100")).toString();
    }

    private static String content(String xml) {
        int start = xml.indexOf("<Content>");
        return start < 0 ? xml : xml.substring(start, xml.indexOf("</Content>") + 10);
    }
}
