package org.sunshinehub.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.sunshinehub.config.NamedEntries;

/**
 * Decides whether the sandbox runs (by default: on the embedded database, i.e. when no MongoDB is configured)
 * and, when it does, points the providers' settings at it. Explicit settings win, except that real provider
 * credentials and the sandbox never go together.
 */
class SandboxEnvironment implements EnvironmentPostProcessor {

    static final String ACCESS_KEY_ID = "sandbox-access-key";
    static final String ACCESS_KEY_SECRET = "sandbox-access-secret";
    static final Map<String, String> TEMPLATE_CODES = Map.ofEntries(
            Map.entry("disclosure", "SMS_SANDBOX_DISCLOSURE"), Map.entry("consultation", "SMS_SANDBOX_CONSULTATION"),
            Map.entry("interpretation", "SMS_SANDBOX_INTERPRETATION"), Map.entry("opinion-task", "SMS_SANDBOX_OPINION_TASK"),
            Map.entry("publication-deadline", "SMS_SANDBOX_PUBLICATION_DEADLINE"),
            Map.entry("adoption-report", "SMS_SANDBOX_ADOPTION_REPORT"),
            Map.entry("feedback-refused", "SMS_SANDBOX_FEEDBACK_REFUSED"),
            Map.entry("consultation-reminder", "SMS_SANDBOX_CONSULTATION_REMINDER"), Map.entry("digest", "SMS_SANDBOX_DIGEST"),
            Map.entry("verify-opinion", "SMS_SANDBOX_VERIFY_OPINION"),
            Map.entry("verify-subscription", "SMS_SANDBOX_VERIFY_SUBSCRIPTION"),
            // one correction template (更正) serves every kind
            Map.entry("disclosure-correction", "SMS_SANDBOX_CORRECTION"),
            Map.entry("consultation-correction", "SMS_SANDBOX_CORRECTION"),
            Map.entry("interpretation-correction", "SMS_SANDBOX_CORRECTION"));

    static final String WECHAT_APP_ID_PREFIX = "wxsandbox";
    static final String JPUSH_APP_KEY = "5a7d5a7d5a7d5a7d5a7d5a7d";
    static final String WEIBO_TOKEN_PREFIX = "sandbox-weibo-";
    static final java.util.List<String> WECHAT_TEMPLATES = java.util.List.of("disclosure", "consultation",
            "interpretation", "opinion-task", "adoption-report", "feedback-refused", "consultation-reminder", "digest",
            "disclosure-correction", "consultation-correction", "interpretation-correction");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Boolean configured = env.getProperty("sunshine.sandbox.enabled", Boolean.class);
        boolean enabled = configured != null ? configured : env.getProperty("sunshine.mongo.uri", "").isBlank();
        if (!enabled) {
            return;
        }
        String accessKey = env.getProperty("sunshine.sms.aliyun.access-key-id");
        if (accessKey != null && !accessKey.isBlank() && !ACCESS_KEY_ID.equals(accessKey)) {
            throw new IllegalStateException("The provider sandbox cannot run while real provider credentials are "
                    + "configured (sunshine.sms.aliyun.access-key-id). Set sunshine.sandbox.enabled=false.");
        }
        int port = env.getProperty("sunshine.sandbox.port", Integer.class, 0);
        if (port == 0) {
            port = freePort();
        }
        Map<String, Object> props = new HashMap<>();
        props.put("sunshine.sandbox.enabled", "true");
        props.put("sunshine.sandbox.port", String.valueOf(port));
        props.put("sunshine.sms.aliyun.endpoint", "127.0.0.1:" + port);
        props.put("sunshine.sms.aliyun.protocol", "HTTP");
        props.put("sunshine.sms.aliyun.access-key-id", ACCESS_KEY_ID);
        props.put("sunshine.sms.aliyun.access-key-secret", ACCESS_KEY_SECRET);
        TEMPLATE_CODES.forEach((kind, code) -> props.put("sunshine.sms.aliyun.template-codes." + kind, code));
        // sunshine.sandbox.channels: which channels the sandbox sets up (all four by default).
        Set<String> channels = Set.of(env.getProperty("sunshine.sandbox.channels", "sms,wechat,app,weibo").split("\\s*,\\s*"));
        if (channels.contains("wechat")) {
            wechat(env, port, props);
        }
        if (channels.contains("app")) {
            jpush(env, port, props);
        }
        if (channels.contains("weibo")) {
            weibo(env, port, props);
        }
        if (env.getProperty("sunshine.sms.callback-token") == null) {
            byte[] token = new byte[16];
            new SecureRandom().nextBytes(token);
            props.put("sunshine.sms.callback-token", HexFormat.of().formatHex(token));
        }
        env.getPropertySources().addLast(new MapPropertySource("sunshineSandbox", props));
    }

    /**
     * Points the WeChat accounts at the sandbox, filling in sandbox credentials (a fresh token and key each start)
     * for any account configured without an app-id — or for an account {@code gov} when none is configured.
     */
    private static void wechat(ConfigurableEnvironment env, int port, Map<String, Object> props) {
        Set<String> names = NamedEntries.names(env, "sunshine.wechat.accounts");
        if (names.isEmpty()) {
            names.add("gov");
        }
        for (String name : names) {
            String prefix = "sunshine.wechat.accounts." + name + ".";
            String appId = env.getProperty(prefix + "app-id");
            if (appId == null) {
                props.put(prefix + "app-id", WECHAT_APP_ID_PREFIX + String.format("%09d", Math.abs(name.hashCode()) % 1_000_000_000));
                props.put(prefix + "secret", "sandbox-wechat-secret");
                props.put(prefix + "token", "sandbox" + random(6));
                props.put(prefix + "aes-key", random(22).substring(0, 43));
                WECHAT_TEMPLATES.forEach(t -> props.put(prefix + "template-ids." + t,
                        "TPL_SANDBOX_" + t.toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
            } else if (!appId.startsWith(WECHAT_APP_ID_PREFIX)) {
                throw new IllegalStateException("The provider sandbox cannot run beside the real WeChat account '" + name
                        + "' (its app-id does not start with " + WECHAT_APP_ID_PREFIX + "). Set sunshine.sandbox.enabled=false.");
            }
            props.put(prefix + "api-base-url", "http://127.0.0.1:" + port);
            props.put(prefix + "open-base-url", "http://127.0.0.1:" + port);
        }
    }

    /** Points JPush at the sandbox, with sandbox credentials unless a sandbox app key is configured. */
    private static void jpush(ConfigurableEnvironment env, int port, Map<String, Object> props) {
        String appKey = env.getProperty("sunshine.app.jpush.app-key");
        if (appKey == null) {
            props.put("sunshine.app.jpush.app-key", JPUSH_APP_KEY);
            props.put("sunshine.app.jpush.master-secret", random(12));
        } else if (!appKey.equals(JPUSH_APP_KEY)) {
            throw new IllegalStateException("The provider sandbox cannot run beside a real JPush app key "
                    + "(sunshine.app.jpush.app-key). Set sunshine.sandbox.enabled=false.");
        }
        props.put("sunshine.app.jpush.base-url", "http://127.0.0.1:" + port);
    }

    /**
     * Points the Weibo accounts at the sandbox, with a sandbox token for an account configured without one — or
     * for an account {@code gov} (safe domain {@code gd.gov.cn}) when none is configured.
     */
    private static void weibo(ConfigurableEnvironment env, int port, Map<String, Object> props) {
        Set<String> names = NamedEntries.names(env, "sunshine.weibo.accounts");
        if (names.isEmpty()) {
            names.add("gov");
            props.put("sunshine.weibo.accounts.gov.safe-domain", "gd.gov.cn");
        }
        for (String name : names) {
            String prefix = "sunshine.weibo.accounts." + name + ".";
            String token = env.getProperty(prefix + "access-token");
            if (token == null) {
                props.put(prefix + "access-token", WEIBO_TOKEN_PREFIX + random(8));
            } else if (!token.startsWith(WEIBO_TOKEN_PREFIX)) {
                throw new IllegalStateException("The provider sandbox cannot run beside the real Weibo account '" + name
                        + "'. Set sunshine.sandbox.enabled=false.");
            }
            props.put(prefix + "base-url", "http://127.0.0.1:" + port);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
