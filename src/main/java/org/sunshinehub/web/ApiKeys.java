package org.sunshinehub.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The accepted API keys; compared in constant time and never logged (but for a generated demo key). */
@Component
class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    private final List<byte[]> keys;

    ApiKeys(ApiProperties properties) {
        List<String> configured = properties.keys().stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
        if (configured.isEmpty()) {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            String demo = "demo-" + HexFormat.of().formatHex(random);
            log.warn("sunshine.api.keys is not set. Demo API key for this run (send it as X-Api-Key): {}", demo);
            configured = List.of(demo);
        }
        this.keys = configured.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    boolean accepts(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] key : keys) {
            match |= MessageDigest.isEqual(key, candidate);
        }
        return match;
    }
}
