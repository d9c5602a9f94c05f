package org.sunshinehub.sandbox;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud's V3 request signature (ACS3-HMAC-SHA256), as the Tea OpenAPI SDK computes it: a canonical
 * request of method, path, sorted percent-encoded query, the signed headers and the body's SHA-256, hashed,
 * then HMAC-SHA256 with the AccessKey secret.
 */
final class Acs3Signature {

    static final String ALGORITHM = "ACS3-HMAC-SHA256";

    private Acs3Signature() {
    }

    /**
     * @param headers case-insensitive lookup of request header values
     * @return null when valid, else the reason (Alibaba Cloud's error code)
     */
    static String verify(String method, String path, String rawQuery, Function<String, String> headers, byte[] body,
                         String accessKeyId, String secret) {
        String authorization = headers.apply("Authorization");
        if (authorization == null || !authorization.startsWith(ALGORITHM + " ")) {
            return "IncompleteSignature";
        }
        Map<String, String> parts = new TreeMap<>();
        for (String part : authorization.substring(ALGORITHM.length() + 1).split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2) {
                parts.put(kv[0], kv[1]);
            }
        }
        if (!accessKeyId.equals(parts.get("Credential"))) {
            return "InvalidAccessKeyId.NotFound";
        }
        String payloadHash = sha256Hex(body);
        if (!payloadHash.equals(headers.apply("x-acs-content-sha256"))) {
            return "IncompleteSignature";
        }
        String signedHeaders = parts.getOrDefault("SignedHeaders", "");
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            String value = headers.apply(name);
            canonicalHeaders.append(name).append(':').append(value == null ? "" : value.strip()).append('\n');
        }
        String canonicalRequest = method + "\n" + (path == null || path.isEmpty() ? "/" : path) + "\n"
                + canonicalQuery(rawQuery) + "\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + payloadHash;
        String stringToSign = ALGORITHM + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] expected = HexFormat.of().formatHex(hmac(secret, stringToSign)).getBytes(StandardCharsets.UTF_8);
        byte[] presented = parts.getOrDefault("Signature", "").getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, presented) ? null : "SignatureDoesNotMatch";
    }

    static Map<String, String> decodeQuery(String rawQuery) {
        Map<String, String> params = new TreeMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    private static String canonicalQuery(String rawQuery) {
        StringBuilder query = new StringBuilder();
        decodeQuery(rawQuery).forEach((k, v) -> query.append(query.isEmpty() ? "" : "&")
                .append(percentEncode(k)).append('=').append(percentEncode(v)));
        return query.toString();
    }

    static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
