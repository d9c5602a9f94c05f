package org.sunshinehub.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.Test;

/** Vectors from WxJava's own tests (token pamtest, appId wxb11529c136998cb6). */
class CallbackCipherUnitTests {

    static final String TOKEN = "pamtest";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String APP_ID = "wxb11529c136998cb6";
    static final String VECTOR = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";

    private final CallbackCipher cipher = new CallbackCipher(TOKEN, AES_KEY, APP_ID);
    private final WxCryptUtil wxJava = new WxCryptUtil(TOKEN, AES_KEY, APP_ID);

    @Test
    void theKnownVectorIsWhatWxJavaSealsAndWhatWeOpen() {
        assertThat(wxJava.encrypt("aaaabbbbccccdddd", "我是中文abcd123")).isEqualTo(VECTOR);
        assertThat(cipher.open(VECTOR)).isEqualTo("我是中文abcd123");
    }

    @Test
    void everyPaddingLengthFromOneToThirtyTwoOpens() {
        Set<Integer> pads = new HashSet<>();
        for (int n = 0; n < 64; n++) {
            String message = "x".repeat(n);
            String sealed = wxJava.encrypt("aaaabbbbccccdddd", message);
            pads.add(32 - (16 + 4 + n + APP_ID.length()) % 32);
            assertThat(cipher.open(sealed)).isEqualTo(message);
        }
        assertThat(pads).contains(1, 31, 32);
    }

    @Test
    void signaturesAreSha1OfTheSortedPartsComparedWithoutRegardToCase() {
        String sig = CallbackCipher.sign(TOKEN, "1409304348", "xxxxxx");
        assertThat(sig).isEqualTo(me.chanjar.weixin.common.util.crypto.SHA1.gen(TOKEN, "1409304348", "xxxxxx"));
        assertThat(cipher.verifyUrl(sig, "1409304348", "xxxxxx")).isTrue();
        assertThat(cipher.verifyUrl(sig.toUpperCase(), "1409304348", "xxxxxx")).isTrue();
        assertThat(cipher.verifyUrl(sig, "1409304349", "xxxxxx")).isFalse();
        assertThat(cipher.verifyUrl(null, "1409304348", "xxxxxx")).isFalse();
        assertThat(cipher.verifyMessage(CallbackCipher.sign(TOKEN, "1", "n", VECTOR), "1", "n", VECTOR)).isTrue();
        assertThat(cipher.verifyMessage(CallbackCipher.sign(TOKEN, "1", "n", VECTOR), "1", "n", VECTOR + "x")).isFalse();
    }

    @Test
    void tamperedCiphertextWrongAppIdBadBase64AndBadPaddingAreRefused() {
        byte[] raw = Base64.getDecoder().decode(VECTOR);
        raw[raw.length - 1] ^= 0x01;
        assertRefused(Base64.getEncoder().encodeToString(raw));
        assertRefused("not base64 at all!");
        assertRefused(Base64.getEncoder().encodeToString(new byte[40]));
        assertThatThrownBy(() -> new CallbackCipher(TOKEN, AES_KEY, "wx0000000000000000").open(VECTOR))
                .isInstanceOf(CallbackRejected.class).hasMessageContaining("appid");
        assertRefused(sealRaw(plain("<xml/>", APP_ID, 0)));
        assertRefused(sealRaw(plain("<xml/>", APP_ID, 33)));
        byte[] uneven = plain("<xml/>", APP_ID, -1);
        uneven[uneven.length - 2] = 7;
        assertRefused(sealRaw(uneven));
    }

    @Test
    void aLengthFieldPointingPastTheEndIsRefused() {
        byte[] p = plain("<xml/>", APP_ID, -1);
        ByteBuffer.wrap(p, 16, 4).putInt(10_000);
        assertRefused(sealRaw(p));
    }

    private void assertRefused(String encrypt) {
        assertThatThrownBy(() -> cipher.open(encrypt)).isInstanceOf(CallbackRejected.class)
                .extracting(e -> ((CallbackRejected) e).why()).isEqualTo(CallbackRejected.Why.MALFORMED);
    }

    /** random(16) + length + message + appid + padding; {@code pad} -1 means correct PKCS#7, else that byte. */
    static byte[] plain(String message, String appId, int pad) {
        byte[] m = message.getBytes(StandardCharsets.UTF_8);
        byte[] a = appId.getBytes(StandardCharsets.UTF_8);
        int body = 20 + m.length + a.length;
        int padLength = 32 - body % 32;
        ByteBuffer buffer = ByteBuffer.allocate(body + padLength);
        buffer.put("aaaabbbbccccdddd".getBytes(StandardCharsets.US_ASCII)).putInt(m.length).put(m).put(a);
        for (int i = 0; i < padLength; i++) {
            buffer.put((byte) (pad < 0 ? padLength : pad));
        }
        return buffer.array();
    }

    static String sealRaw(byte[] plain) {
        try {
            byte[] key = Base64.getDecoder().decode(AES_KEY + "=");
            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return Base64.getEncoder().encodeToString(aes.doFinal(plain));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
