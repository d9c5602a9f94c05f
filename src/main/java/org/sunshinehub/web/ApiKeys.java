package org.sunshinehub.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The accepted API keys, staff's and the app backend's apart; compared in constant time and never logged (but
 * for a generated demo key).
 */
@Component
class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    private final List<byte[]> staff;
    private final List<byte[]> app;

    ApiKeys(ApiProperties properties, AppApiProperties appProperties) {
        this.staff = keys(properties.keys(), "sunshine.api.keys", "Demo API key for this run (send it as X-Api-Key)",
                "demo-");
        this.app = keys(appProperties.apiKeys(), "sunshine.app.api-keys",
                "Demo app API key for this run (send it as X-Api-Key on /api/app/**)", "demo-app-");
    }

    boolean acceptsStaff(String presented) {
        return matches(staff, presented);
    }

    boolean acceptsApp(String presented) {
        return matches(app, presented);
    }

    private static List<byte[]> keys(List<String> configured, String property, String what, String prefix) {
        List<String> keys = configured.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
        if (keys.isEmpty()) {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            String demo = prefix + HexFormat.of().formatHex(random);
            log.warn("{} is not set. {}: {}", property, what, demo);
            keys = List.of(demo);
        }
        return keys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static boolean matches(List<byte[]> keys, String presented) {
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
