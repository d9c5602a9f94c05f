package org.sunshinehub.channel.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * WeChat's callback signatures and message encryption (AES-256-CBC, IV = first 16 key bytes, PKCS#7 padded to
 * 32 bytes; plaintext = 16 random bytes, 4-byte length, message, appid). Replies are sealed by WxJava's
 * {@link WxCryptUtil}. Opening is done here because WxJava 4.7.9.B's decrypt accepts any padding byte and no
 * longer compares the appid; this one refuses both, and bad base64 or a bad length.
 */
final class CallbackCipher {

    private static final int BLOCK = 32;

    private final String token;
    private final byte[] aesKey;
    private final byte[] appId;
    private final WxCryptUtil sealer;

    /** @param encodingAesKey the 43-character EncodingAESKey; null for an account in plain mode */
    CallbackCipher(String token, String encodingAesKey, String appId) {
        this.token = token;
        this.appId = appId.getBytes(StandardCharsets.UTF_8);
        this.aesKey = encodingAesKey == null ? null : Base64.getDecoder().decode(encodingAesKey + "=");
        this.sealer = encodingAesKey == null ? null : new WxCryptUtil(token, encodingAesKey, appId);
    }

    /** SHA-1 over the sorted, concatenated parts, as WeChat signs {@code signature} and {@code msg_signature}. */
    static String sign(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code signature}: token, timestamp, nonce. Compared in constant time. */
    boolean verifyUrl(String signature, String timestamp, String nonce) {
        return signature != null && timestamp != null && nonce != null
                && same(signature, sign(token, timestamp, nonce));
    }

    /** {@code msg_signature}: token, timestamp, nonce and the ciphertext. */
    boolean verifyMessage(String msgSignature, String timestamp, String nonce, String encrypt) {
        return msgSignature != null && timestamp != null && nonce != null && encrypt != null
                && same(msgSignature, sign(token, timestamp, nonce, encrypt));
    }

    /** @throws CallbackRejected (MALFORMED) for bad base64, length, padding or appid */
    String open(String encrypt) {
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(encrypt.strip());
        } catch (IllegalArgumentException e) {
            throw CallbackRejected.malformed("密文不是有效的 base64");
        }
        if (cipherText.length < BLOCK || cipherText.length % 16 != 0) {
            throw CallbackRejected.malformed("密文长度无效");
        }
        byte[] plain;
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(aesKey, 0, 16));
            plain = aes.doFinal(cipherText);
        } catch (GeneralSecurityException e) {
            throw CallbackRejected.malformed("密文无法解密");
        }
        int end = plain.length - padding(plain);
        if (end < 20) {
            throw CallbackRejected.malformed("明文长度无效");
        }
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (length < 0 || length > end - 20) {
            throw CallbackRejected.malformed("明文长度无效");
        }
        if (!MessageDigest.isEqual(Arrays.copyOfRange(plain, 20 + length, end), appId)) {
            throw CallbackRejected.malformed("appid 不符");
        }
        return new String(plain, 20, length, StandardCharsets.UTF_8);
    }

    /** The encrypted, signed reply envelope for a plaintext reply. */
    String seal(String replyXml) {
        return sealer.encrypt(replyXml);
    }

    boolean canEncrypt() {
        return aesKey != null;
    }

    private static int padding(byte[] plain) {
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK) {
            throw CallbackRejected.malformed("填充无效");
        }
        for (int i = plain.length - pad; i < plain.length; i++) {
            if ((plain[i] & 0xff) != pad) {
                throw CallbackRejected.malformed("填充无效");
            }
        }
        return pad;
    }

    private static boolean same(String presented, String expected) {
        return MessageDigest.isEqual(presented.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
