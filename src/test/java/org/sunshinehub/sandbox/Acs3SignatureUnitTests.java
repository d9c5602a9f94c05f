package org.sunshinehub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.tea.TeaRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The sandbox verifies exactly what the official SDK signs. */
class Acs3SignatureUnitTests {

    private static final byte[] BODY = "PhoneNumberJson=%5B%2213800000000%22%5D".getBytes(StandardCharsets.UTF_8);

    private static Map<String, String> signedBySdk(String secret) throws Exception {
        TeaRequest request = new TeaRequest();
        request.method = "POST";
        request.pathname = "/";
        request.query = new TreeMap<>(Map.of("PhoneNumbers", "13800000000,13900000000", "SignName", "政务公开",
                "TemplateParam", "{\"title\":\"关于 调整*标准~的通知\"}"));
        request.headers = new TreeMap<>(Map.of("host", "127.0.0.1:18900", "x-acs-action", "SendSms",
                "x-acs-version", "2017-05-25", "x-acs-date", "2026-11-23T02:00:00Z",
                "x-acs-signature-nonce", "3f0c9a", "content-type", "application/x-www-form-urlencoded"));
        String payloadHash = Acs3Signature.sha256Hex(BODY);
        request.headers.put("x-acs-content-sha256", payloadHash);
        request.headers.put("Authorization", com.aliyun.openapiutil.Client.getAuthorization(request,
                "ACS3-HMAC-SHA256", payloadHash, SandboxEnvironment.ACCESS_KEY_ID, secret));
        return request.headers;
    }

    private static String rawQuery() {
        return "PhoneNumbers=" + Acs3Signature.percentEncode("13800000000,13900000000") + "&SignName="
                + Acs3Signature.percentEncode("政务公开") + "&TemplateParam="
                + Acs3Signature.percentEncode("{\"title\":\"关于 调整*标准~的通知\"}");
    }

    private static String verify(Map<String, String> headers, String query, byte[] body) {
        Map<String, String> lower = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        lower.putAll(headers);
        return Acs3Signature.verify("POST", "/", query, lower::get, body, SandboxEnvironment.ACCESS_KEY_ID,
                SandboxEnvironment.ACCESS_KEY_SECRET);
    }

    @Test
    void aRequestSignedByTheSdkVerifies() throws Exception {
        assertThat(verify(signedBySdk(SandboxEnvironment.ACCESS_KEY_SECRET), rawQuery(), BODY)).isNull();
    }

    @Test
    void aWrongSecretATamperedQueryOrBodyDoNot() throws Exception {
        Map<String, String> headers = signedBySdk(SandboxEnvironment.ACCESS_KEY_SECRET);

        assertThat(verify(signedBySdk("another-secret"), rawQuery(), BODY)).isEqualTo("SignatureDoesNotMatch");
        assertThat(verify(headers, rawQuery().replace("13900000000", "13900000001"), BODY))
                .isEqualTo("SignatureDoesNotMatch");
        assertThat(verify(headers, rawQuery(), "PhoneNumberJson=x".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("IncompleteSignature");
        assertThat(verify(Map.of(), rawQuery(), BODY)).isEqualTo("IncompleteSignature");
    }
}
