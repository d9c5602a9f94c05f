package org.sunshinehub.channel.wechat;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.sunshinehub.web.CallbackGuard;

/**
 * Before a WeChat callback's body is read: the account must exist (404), the {@code timestamp} must be within
 * {@code sunshine.wechat.callback-window} of the hub's clock and the query signed with the account's token (403).
 * WeChat signs the query in every mode, so this holds in safe mode too. The query is parsed from the raw query
 * string, never through {@code getParameter}, which would read a form body.
 */
@Component
@Order(CallbackGuard.ORDER)
class WechatCallbackGuard extends CallbackGuard {

    private final WechatCallbacks callbacks;
    private final Duration window;
    private final Clock clock;

    WechatCallbackGuard(WechatCallbacks callbacks, WechatProperties properties, Clock clock) {
        super("/callbacks/wechat/{account}/**");
        this.callbacks = callbacks;
        this.window = properties.callbackWindow();
        this.clock = clock;
    }

    @Override
    protected Optional<Refusal> check(HttpServletRequest request, Map<String, String> variables) {
        Optional<AccountCallback> account = callbacks.account(variables.get("account"));
        if (account.isEmpty()) {
            return Optional.of(new Refusal(HttpStatus.NOT_FOUND, "未知公众号"));
        }
        Map<String, String> query = query(request.getQueryString());
        if (!fresh(query.get("timestamp"))) {
            return Optional.of(new Refusal(HttpStatus.FORBIDDEN, "时间戳无效或超出允许范围"));
        }
        if (!account.get().verifyUrl(new AccountCallback.Query(query.get("signature"), query.get("timestamp"),
                query.get("nonce"), null, null))) {
            return Optional.of(new Refusal(HttpStatus.FORBIDDEN, "签名无效"));
        }
        return Optional.empty();
    }

    private boolean fresh(String timestamp) {
        if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        long skew = Math.abs(Long.parseLong(timestamp) - clock.instant().getEpochSecond());
        return skew <= window.toSeconds();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
