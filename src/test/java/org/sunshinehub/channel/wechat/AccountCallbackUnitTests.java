package org.sunshinehub.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunshinehub.channel.wechat.CallbackRejected.Why;

/** The three modes, against the official samples, and hostile XML in clear and inside a signed ciphertext. */
class AccountCallbackUnitTests {

    static final String TEXT = """
            <xml>
            <ToUserName><![CDATA[toUser]]></ToUserName>
            <FromUserName><![CDATA[fromUser]]></FromUserName>
            <CreateTime>1348831860</CreateTime>
            <MsgType><![CDATA[text]]></MsgType>
            <Content><![CDATA[this is a test]]></Content>
            <MsgId>1234567890123456</MsgId>
            </xml>""";
    static final String TS = "1409304348";
    static final String NONCE = "xxxxxx";

    @TempDir
    Path dir;

    @Test
    void plainModeChecksTheQuerySignatureAndReadsTheOfficialSample() {
        AccountCallback plain = account(WechatProperties.Mode.PLAIN);
        AccountCallback.Opened opened = plain.open(query(null), TEXT);
        assertThat(opened.encrypted()).isFalse();
        InboundMessage m = opened.message();
        assertThat(m.fromUser()).isEqualTo("fromUser");
        assertThat(m.createTime()).isEqualTo(1348831860L);
        assertThat(m.msgId()).isEqualTo(1234567890123456L);
        assertThat(m.field("Content")).isEqualTo("this is a test");
        assertThat(m.dedupeKey()).isEqualTo("msg:1234567890123456");
        assertThatThrownBy(() -> plain.open(new AccountCallback.Query("0".repeat(40), TS, NONCE, null, null), TEXT))
                .extracting(e -> ((CallbackRejected) e).why()).isEqualTo(Why.SIGNATURE);
        String reply = plain.answer(opened, "你好]]>", Instant.ofEpochSecond(12345678));
        assertThat(CallbackXml.parse(reply)).containsEntry("ToUserName", "fromUser").containsEntry("FromUserName", "toUser")
                .containsEntry("MsgType", "text").containsEntry("Content", "你好]]>");
        assertThat(plain.answer(opened, null, Instant.now())).isEqualTo("success");
    }

    @Test
    void compatibleModeReadsTheEncryptedCopyWhenOneIsSentAndTheClearFieldsOtherwise() {
        AccountCallback compatible = account(WechatProperties.Mode.COMPATIBLE);
        assertThat(compatible.open(query(null), TEXT).encrypted()).isFalse();
        String encrypt = wxJava().encrypt("aaaabbbbccccdddd", TEXT.replace("this is a test", "密文内容"));
        String body = TEXT.replace("</xml>", "<Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>");
        AccountCallback.Opened opened = compatible.open(query(encrypt), body);
        assertThat(opened.encrypted()).isTrue();
        assertThat(opened.message().field("Content")).isEqualTo("密文内容");
    }

    @Test
    void safeModeChecksMsgSignatureDecryptsAndSealsTheReply() {
        AccountCallback safe = account(WechatProperties.Mode.SAFE);
        String encrypt = wxJava().encrypt("aaaabbbbccccdddd", TEXT);
        String body = "<xml><ToUserName><![CDATA[toUser]]></ToUserName><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";
        AccountCallback.Opened opened = safe.open(query(encrypt), body);
        assertThat(opened.message().field("Content")).isEqualTo("this is a test");
        String sealed = safe.answer(opened, "收到", Instant.now());
        Map<String, String> envelope = CallbackXml.parse(sealed);
        String inner = wxJava().decryptContent(envelope.get("MsgSignature"), envelope.get("TimeStamp"),
                envelope.get("Nonce"), envelope.get("Encrypt"));
        assertThat(CallbackXml.parse(inner)).containsEntry("Content", "收到").containsEntry("ToUserName", "fromUser");

        assertThatThrownBy(() -> safe.open(new AccountCallback.Query(null, TS, NONCE, "aes", "bad"), body))
                .extracting(e -> ((CallbackRejected) e).why()).isEqualTo(Why.SIGNATURE);
        assertThatThrownBy(() -> safe.open(query(null), TEXT))
                .extracting(e -> ((CallbackRejected) e).why()).isEqualTo(Why.MALFORMED);
    }

    @Test
    void externalEntitiesAreRefusedInClearAndInsideASignedCiphertextWithoutReadingOrConnecting() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-4711");
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String http = "http://127.0.0.1:" + listener.getLocalPort() + "/evil.dtd";
            List<String> payloads = List.of(
                    "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                            + TEXT.replace("this is a test", "&x;"),
                    "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"" + http + "\">]>"
                            + TEXT.replace("this is a test", "&x;"),
                    "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY % p SYSTEM \"" + http + "\"> %p;]>" + TEXT,
                    "<!DOCTYPE xml SYSTEM \"" + http + "\">" + TEXT);
            AccountCallback plain = account(WechatProperties.Mode.PLAIN);
            AccountCallback safe = account(WechatProperties.Mode.SAFE);
            for (String payload : payloads) {
                assertMalformedWithoutLeak(() -> plain.open(query(null), payload));
                String encrypt = wxJava().encrypt("aaaabbbbccccdddd", payload);
                assertMalformedWithoutLeak(() -> safe.open(query(encrypt),
                        "<xml><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>"));
            }
            listener.setSoTimeout(300);
            assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void billionLaughsDeepNestingAndAttributeFloodsAreRefused() {
        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            lol.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        lol.append("]><xml><Content>&l9;</Content></xml>");
        assertMalformedWithoutLeak(() -> CallbackXml.parse(lol.toString()));
        String deep = "<xml>" + "<a>".repeat(50_000) + "</a>".repeat(50_000) + "</xml>";
        assertMalformedWithoutLeak(() -> CallbackXml.parse(deep));
        StringBuilder attributes = new StringBuilder("<xml><ToUserName");
        for (int i = 0; i < 5_000; i++) {
            attributes.append(" a").append(i).append("=\"v\"");
        }
        assertMalformedWithoutLeak(() -> CallbackXml.parse(attributes.append("/></xml>").toString()));
        assertMalformedWithoutLeak(() -> CallbackXml.parse("<notxml><a>1</a></notxml>"));
        assertMalformedWithoutLeak(() -> CallbackXml.parse("<xml><a>1</a>"));
        assertMalformedWithoutLeak(() -> CallbackXml.parse("{\"json\":true}"));
    }

    @Test
    void predefinedEntitiesAndUnknownElementsAreFine() {
        Map<String, String> fields = CallbackXml.parse("<xml><Content>a &amp; b &lt;c&gt;</Content><MsgDataId>1</MsgDataId>"
                + "<CopyrightCheckResult><Count>2</Count></CopyrightCheckResult></xml>");
        assertThat(fields).containsEntry("Content", "a & b <c>").containsEntry("MsgDataId", "1");
    }

    @Test
    void eventsAreDeduplicatedBySenderAndTimeAndSendResultsByTheirMsgId() {
        InboundMessage subscribe = InboundMessage.of(Map.of("ToUserName", "toUser", "FromUserName", "FromUser",
                "CreateTime", "123456789", "MsgType", "event", "Event", "subscribe"));
        assertThat(subscribe.dedupeKey()).isEqualTo("event:FromUser:123456789:subscribe");
        InboundMessage finished = InboundMessage.of(Map.of("ToUserName", "gh_7f083739789a",
                "FromUserName", "ovPQ26Vgx51Ep-HoZqOITMHLk6eg", "CreateTime", "1717466001", "MsgType", "event",
                "Event", "TEMPLATESENDJOBFINISH", "MsgID", "3487542469355618313", "Status", "failed:user block"));
        assertThat(finished.msgId()).isEqualTo(3487542469355618313L);
        assertThat(finished.dedupeKey()).isEqualTo("job:3487542469355618313");
        assertThat(SendResults.outcome("failed:user block")).isEqualTo(org.sunshinehub.dispatch.Receipt.Outcome.REFUSED);
        assertThat(SendResults.outcome("failed: system failed")).isEqualTo(org.sunshinehub.dispatch.Receipt.Outcome.FAILED);
        assertThat(SendResults.outcome("success")).isEqualTo(org.sunshinehub.dispatch.Receipt.Outcome.DELIVERED);
        assertThatThrownBy(() -> InboundMessage.of(Map.of("ToUserName", "t", "FromUserName", "f<script>",
                "CreateTime", "1", "MsgType", "text"))).isInstanceOf(CallbackRejected.class);
    }

    private static void assertMalformedWithoutLeak(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(CallbackRejected.class)
                .satisfies(e -> assertThat(((CallbackRejected) e).why()).isEqualTo(Why.MALFORMED))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOP-SECRET", "lol"));
    }

    private static AccountCallback account(WechatProperties.Mode mode) {
        return new AccountCallback(new WechatProperties.Account(CallbackCipherUnitTests.APP_ID, "secret",
                CallbackCipherUnitTests.TOKEN, CallbackCipherUnitTests.AES_KEY, mode, "http://127.0.0.1:1",
                "http://127.0.0.1:1", Map.of(), List.of(), "欢迎", "收到", List.of()));
    }

    private static AccountCallback.Query query(String encrypt) {
        String token = CallbackCipherUnitTests.TOKEN;
        return new AccountCallback.Query(CallbackCipher.sign(token, TS, NONCE), TS, NONCE, encrypt == null ? null : "aes",
                encrypt == null ? null : CallbackCipher.sign(token, TS, NONCE, encrypt));
    }

    private static WxCryptUtil wxJava() {
        return new WxCryptUtil(CallbackCipherUnitTests.TOKEN, CallbackCipherUnitTests.AES_KEY, CallbackCipherUnitTests.APP_ID);
    }
}
