package org.sunshinehub.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short, stable stand-in for a value that must not be stored or logged as it is (an access key, an address). */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** The first {@code bytes} bytes of the value's SHA-256, in hex. */
    public static String sha256Hex(String value, int bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
