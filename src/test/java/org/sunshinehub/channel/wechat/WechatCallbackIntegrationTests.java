package org.sunshinehub.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunshinehub.support.TestHub;

/** The callback endpoint over HTTP: what a forger, a fuzzer or a flood gets back. */
class WechatCallbackIntegrationTests {

    private static final String NONCE = "314159";

    @TempDir
    Path dir;

    @Test
    void urlVerificationEchoesOnlyForAValidSignature() {
        TestHub hub = TestHub.shared();
        String ts = now(hub);
        String good = CallbackCipher.sign(token(hub), ts, NONCE);
        HttpResponse<String> ok = hub.send(HttpRequest.newBuilder(url(hub, "gov", "signature=" + good
                + "&timestamp=" + ts + "&nonce=" + NONCE + "&echostr=echo-8841")).GET());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("echo-8841");
        HttpResponse<String> forged = hub.send(HttpRequest.newBuilder(url(hub, "gov", "signature=" + "0".repeat(40)
                + "&timestamp=" + ts + "&nonce=" + NONCE + "&echostr=echo-8841")).GET());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).doesNotContain("echo-8841");
        assertThat(hub.send(HttpRequest.newBuilder(url(hub, "nosuch", "echostr=x")).GET()).statusCode()).isEqualTo(404);
    }

    @Test
    void forgedMalformedAndHostileCallbacksAreRefusedWithoutEcho() throws Exception {
        TestHub hub = TestHub.shared();
        String text = "<xml><ToUserName><![CDATA[gh]]></ToUserName><FromUserName><![CDATA[oHostile]]></FromUserName>"
                + "<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[CONTENT]]></Content>"
                + "<MsgId>9100000000000000001</MsgId></xml>";
        assertThat(post(hub, "signature=bad&timestamp=" + now(hub) + "&nonce=" + NONCE + "&encrypt_type=aes&msg_signature=bad",
                envelope(hub, text)).statusCode()).isEqualTo(403);
        HttpResponse<String> clear = post(hub, signedQuery(hub, null), text);
        assertThat(clear.statusCode()).isEqualTo(400);
        assertThat(clear.body()).doesNotContain("oHostile");

        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-9922");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + text.replace("CONTENT", "&x;");
        String encrypt = seal(hub, xxe);
        HttpResponse<String> hostile = post(hub, signedQuery(hub, encrypt), "<xml><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>");
        assertThat(hostile.statusCode()).isEqualTo(400);
        assertThat(hostile.body()).doesNotContain("TOP-SECRET", "oHostile");
        assertThat(TestHub.json(hub.get("/api/feedback?channel=wechat&size=100")).toString()).doesNotContain("TOP-SECRET");

        String unknownEvent = seal(hub, text.replace("<MsgType><![CDATA[text]]></MsgType>",
                "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[poi_check_notify]]></Event>").replace("<MsgId>9100000000000000001</MsgId>", ""));
        HttpResponse<String> unknown = post(hub, signedQuery(hub, unknownEvent),
                "<xml><Encrypt><![CDATA[" + unknownEvent + "]]></Encrypt></xml>");
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).isEqualTo("success");
    }

    @Test
    void aHugeBodyIsRefusedBeforeItIsRead() throws Exception {
        TestHub hub = TestHub.shared();
        String query = signedQuery(hub, null);
        HttpResponse<String> declared = hub.send(HttpRequest.newBuilder(url(hub, "gov", query))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[70 * 1024])));
        assertThat(declared.statusCode()).isEqualTo(413);

        // 20 MiB offered chunk by chunk on a raw socket: the answer comes long before the end, and the hub stops reading.
        long offered = 20L << 20;
        long written = 0;
        try (Socket socket = new Socket("127.0.0.1", hub.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /callbacks/wechat/gov?" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                while (written < offered && socket.getInputStream().available() == 0) {
                    out.write(head);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    written += chunk.length;
                }
            } catch (IOException e) {
                // the hub closed the connection: it will not read the rest
            }
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 413");
        }
        assertThat(written).isLessThan(offered);
    }

    private static HttpResponse<String> post(TestHub hub, String query, String body) {
        return hub.send(HttpRequest.newBuilder(url(hub, "gov", query)).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private static String envelope(TestHub hub, String inner) {
        return "<xml><Encrypt><![CDATA[" + seal(hub, inner) + "]]></Encrypt></xml>";
    }

    private static String seal(TestHub hub, String xml) {
        return new WxCryptUtil(token(hub), prop(hub, "aes-key"), prop(hub, "app-id")).encrypt("aaaabbbbccccdddd", xml);
    }

    /** Signed now, with a nonce of its own, as WeChat sends each callback. */
    static String signedQuery(TestHub hub, String encrypt) {
        String ts = now(hub);
        String nonce = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        String q = "signature=" + CallbackCipher.sign(token(hub), ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce;
        return encrypt == null ? q : q + "&encrypt_type=aes&msg_signature=" + CallbackCipher.sign(token(hub), ts, nonce, encrypt);
    }

    /** WeChat's clock agrees with the hub's (a test clock). */
    static String now(TestHub hub) {
        return String.valueOf(hub.clock().instant().getEpochSecond());
    }

    private static String token(TestHub hub) {
        return prop(hub, "token");
    }

    private static String prop(TestHub hub, String name) {
        return hub.property("sunshine.wechat.accounts.gov." + name);
    }

    private static URI url(TestHub hub, String account, String query) {
        return URI.create("http://127.0.0.1:" + hub.port() + "/callbacks/wechat/" + account + "?" + query);
    }

}
