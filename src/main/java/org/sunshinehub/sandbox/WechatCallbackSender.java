package org.sunshinehub.sandbox;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * Sends callbacks to the hub the way WeChat's servers do: signed in the query, encrypted in compatible and safe
 * mode, waiting 5 s for an answer and trying again up to 3 times in all when none (or no 200) comes.
 */
final class WechatCallbackSender {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final int TRIES = 3;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern CONTENT = Pattern.compile("<Content><!\\[CDATA\\[(.*?)]]></Content>", Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("<(Encrypt|MsgSignature|TimeStamp|Nonce)>(?:<!\\[CDATA\\[)?(.*?)(?:]]>)?</\\1>",
            Pattern.DOTALL);

    /** An account as WeChat knows it. */
    record Account(String name, String appId, String secret, String token, String aesKey, String mode) {
        boolean encrypts() {
            return !"PLAIN".equalsIgnoreCase(mode);
        }
    }

    /** What the hub answered: its status, the reply text (decrypted) or {@code success}, and how many tries. */
    record Answer(int status, String reply, int tries) {
    }

    private final HubCallbacks hub;
    private final java.time.Clock clock;

    /** @param clock the hub's clock, as WeChat's would agree with it: the hub refuses stale timestamps */
    WechatCallbackSender(HubCallbacks hub, java.time.Clock clock) {
        this.hub = hub;
        this.clock = clock;
    }

    Answer send(Account account, String plainXml) {
        int status = 0;
        String body = null;
        int tries = 0;
        while (tries < TRIES) {
            tries++;
            try {
                HttpResponse<String> response = HTTP.send(request(account, plainXml), HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                body = response.body();
                if (status == 200) {
                    break;
                }
            } catch (java.net.http.HttpTimeoutException e) {
                status = 0;
            } catch (java.io.IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Answer(status, status == 200 ? readReply(account, body) : body, tries);
    }

    private HttpRequest request(Account account, String plainXml) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        String nonce = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        StringBuilder query = new StringBuilder("signature=").append(sign(account.token(), timestamp, nonce))
                .append("&timestamp=").append(timestamp).append("&nonce=").append(nonce)
                .append("&openid=").append(URLEncoder.encode(field(plainXml, "FromUserName"), StandardCharsets.UTF_8));
        String body = plainXml;
        if (account.encrypts()) {
            String encrypt = new WxCryptUtil(account.token(), account.aesKey(), account.appId())
                    .encrypt(randomPrefix(), plainXml);
            query.append("&encrypt_type=aes&msg_signature=").append(sign(account.token(), timestamp, nonce, encrypt));
            body = "<xml><ToUserName><![CDATA[" + field(plainXml, "ToUserName") + "]]></ToUserName><Encrypt><![CDATA["
                    + encrypt + "]]></Encrypt></xml>";
            if ("COMPATIBLE".equalsIgnoreCase(account.mode())) {
                body = plainXml.replace("</xml>", "<Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>");
            }
        }
        return HttpRequest.newBuilder(hub.wechatUrl(account.name(), query.toString())).timeout(WAIT)
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The reply's text: decrypted (after checking its signature) when it came encrypted. */
    private static String readReply(Account account, String body) {
        if (body == null || body.isEmpty() || body.equals("success")) {
            return body;
        }
        String xml = body;
        if (body.contains("<Encrypt>")) {
            Map<String, String> f = fields(body);
            if (!sign(account.token(), f.get("TimeStamp"), f.get("Nonce"), f.get("Encrypt")).equals(f.get("MsgSignature"))) {
                return "!! reply signature invalid";
            }
            xml = new WxCryptUtil(account.token(), account.aesKey(), account.appId()).decrypt(f.get("Encrypt"));
        }
        Matcher m = CONTENT.matcher(xml);
        return m.find() ? m.group(1) : xml;
    }

    private static Map<String, String> fields(String xml) {
        Map<String, String> fields = new java.util.HashMap<>();
        Matcher m = FIELD.matcher(xml);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }

    static String field(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + "><!\\[CDATA\\[(.*?)]]></" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : "";
    }

    static String sign(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomPrefix() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            s.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
