package org.sunshinehub.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The accepted API keys and whom each belongs to. Keys are held and compared as SHA-256 digests, every key
 * every time, so the comparison takes the same time whichever key (or none) matches; they are never logged (but
 * for a generated demo key).
 */
@Component
class ApiKeys {

    /** Who presented a key, and what it may reach. */
    record Caller(String name, Set<ApiScope> scopes) {
    }

    private record Entry(byte[] digest, Caller caller) {
    }

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    private final List<Entry> entries = new ArrayList<>();

    ApiKeys(ApiProperties properties, AppApiProperties appProperties) {
        add(keys(properties.keys(), "sunshine.api.keys", "Demo API key for this run (send it as X-Api-Key)",
                "demo-"), new Caller("staff-automation", Set.of(ApiScope.STAFF_API)));
        add(keys(appProperties.apiKeys(), "sunshine.app.api-keys",
                "Demo app API key for this run (send it as X-Api-Key on /api/app/**)", "demo-app-"),
                new Caller("app-backend", Set.of(ApiScope.APP)));
        properties.clients().forEach(c -> add(List.of(c.key()), new Caller(c.name(), Set.copyOf(c.scopes()))));
    }

    Optional<Caller> callerOf(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        byte[] candidate = digest(presented);
        Caller found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), candidate) && found == null) {
                found = entry.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    private void add(List<String> keys, Caller caller) {
        keys.forEach(k -> entries.add(new Entry(digest(k), caller)));
    }

    private static List<String> keys(List<String> configured, String property, String what, String prefix) {
        List<String> keys = configured.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
        if (keys.isEmpty()) {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            String demo = prefix + HexFormat.of().formatHex(random);
            log.warn("{} is not set. {}: {}", property, what, demo);
            keys = List.of(demo);
        }
        return keys;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
