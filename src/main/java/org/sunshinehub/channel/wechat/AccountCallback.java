package org.sunshinehub.channel.wechat;

import java.time.Instant;
import java.util.Map;
import org.sunshinehub.channel.wechat.CallbackRejected.Why;

/**
 * One account's side of the callback protocol: verifying, opening and answering in its mode. Plain mode signs
 * the query; compatible mode signs the query and may add an {@code Encrypt} field; safe mode signs the ciphertext
 * ({@code msg_signature}) and carries nothing in clear.
 */
final class AccountCallback {

    /** The query parameters WeChat adds to a callback URL. */
    record Query(String signature, String timestamp, String nonce, String encryptType, String msgSignature) {
    }

    /** A verified, opened callback, and whether its answer must be encrypted. */
    record Opened(InboundMessage message, boolean encrypted) {
    }

    private final WechatProperties.Account account;
    private final CallbackCipher cipher;

    AccountCallback(WechatProperties.Account account) {
        this.account = account;
        this.cipher = new CallbackCipher(account.token(), account.aesKey(), account.appId());
    }

    WechatProperties.Account account() {
        return account;
    }

    boolean verifyUrl(Query q) {
        return cipher.verifyUrl(q.signature(), q.timestamp(), q.nonce());
    }

    /** @throws CallbackRejected SIGNATURE before the body is parsed when the query is not signed; else MALFORMED */
    Opened open(Query q, String body) {
        boolean safe = account.mode() == WechatProperties.Mode.SAFE;
        if (!safe && !verifyUrl(q)) {
            throw new CallbackRejected(Why.SIGNATURE, "signature 校验失败");
        }
        Map<String, String> envelope = CallbackXml.parse(body);
        String encrypt = envelope.get("Encrypt");
        boolean encrypted = safe || (account.mode() == WechatProperties.Mode.COMPATIBLE && encrypt != null
                && "aes".equals(q.encryptType()));
        if (!encrypted) {
            return new Opened(InboundMessage.of(envelope), false);
        }
        if (encrypt == null || encrypt.isEmpty()) {
            throw CallbackRejected.malformed("缺少 Encrypt");
        }
        if (!cipher.verifyMessage(q.msgSignature(), q.timestamp(), q.nonce(), encrypt)) {
            throw new CallbackRejected(Why.SIGNATURE, "msg_signature 校验失败");
        }
        return new Opened(InboundMessage.of(CallbackXml.parse(cipher.open(encrypt))), true);
    }

    /** WeChat's harmless {@code success}, or a passive text reply (encrypted and signed when the callback was). */
    String answer(Opened opened, String replyText, Instant now) {
        if (replyText == null || replyText.isBlank()) {
            return "success";
        }
        InboundMessage m = opened.message();
        String xml = "<xml><ToUserName>" + cdata(m.fromUser()) + "</ToUserName><FromUserName>" + cdata(m.toUser())
                + "</FromUserName><CreateTime>" + now.getEpochSecond() + "</CreateTime><MsgType>" + cdata("text")
                + "</MsgType><Content>" + cdata(replyText) + "</Content></xml>";
        return opened.encrypted() ? cipher.seal(xml) : xml;
    }

    static String cdata(String text) {
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }
}
