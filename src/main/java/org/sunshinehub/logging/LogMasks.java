package org.sunshinehub.logging;

import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what must never be in a log: tokens, secrets, keys and signatures after their names (query strings,
 * headers, JSON, {@code toString()} of records), {@code Authorization} values, the SMS callback's path token,
 * mainland mobile numbers (kept as {@code 139****0002}) and WeChat openids (kept as {@code oDe****}), both after
 * their names ({@code openid}, {@code touser}, {@code FromUserName} …, in JSON, XML or a query) and by their shape.
 */
public final class LogMasks {

    static final String HIDDEN = "****";
    private static final String VALUE_END = "\\s&\"',;<>(){}\\[\\]";
    private static final String SEP = "(\"?'?\\s*[:=]\\s*\"?'?)";
    private static final String SECRET_NAMES = "(?<![A-Za-z0-9])([A-Za-z0-9_.-]*?(?:secret|token|password|passwd|"
            + "api[_.-]?keys?|aes[_-]?key|access[_-]?key(?:[_-]?id)?|credential|signature|ticket)|key|sign)";
    private static final String OPENID_NAMES = "((?:wechat)?open[_-]?ids?|to[_-]?user|from[_-]?user[_-]?name|"
            + "to[_-]?user[_-]?name|openid_list|user_list)";

    private record Rule(Pattern pattern, Function<MatchResult, String> replacement) {
    }

    private static final List<Rule> RULES = List.of(
            rule("(?i)(authorization\"?\\s*[:=]\\s*\"?)[^\"\\r\\n]+", m -> m.group(1) + HIDDEN),
            rule("(?i)" + SECRET_NAMES + SEP + "[^" + VALUE_END + "]+", m -> m.group(1) + m.group(2) + HIDDEN),
            rule("(/callbacks/aliyun-sms/)[^/\\s?\"]+", m -> m.group(1) + HIDDEN),
            rule("(?i)(\"" + OPENID_NAMES + "\"\\s*:\\s*\\[)[^\\]]*", m -> m.group(1) + HIDDEN),
            rule("(?i)(<(?:FromUserName|ToUserName|OpenID|touser)>\\s*(?:<!\\[CDATA\\[)?)[^\\]<]+",
                    m -> m.group(1) + HIDDEN),
            rule("(?i)(?<![A-Za-z0-9])" + OPENID_NAMES + SEP + "([^" + VALUE_END + "]+)", m -> m.group(1) + m.group(2)
                    + openid(m.group(3))),
            rule("(?<![A-Za-z0-9_-])(o[A-Za-z0-9_-]{27}|oDemo[A-Za-z0-9_-]*)(?![A-Za-z0-9_-])", m -> openid(m.group(1))),
            rule("(?<!\\d)((?:\\+|00)?86[- ]?)?(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)",
                    m -> (m.group(1) == null ? "" : m.group(1)) + m.group(2) + HIDDEN + m.group(3)));

    private LogMasks() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(masked);
            if (matcher.find()) {
                masked = matcher.replaceAll(m -> Matcher.quoteReplacement(rule.replacement().apply(m)));
            }
        }
        return masked;
    }

    private static String openid(String value) {
        return (value.length() > 3 ? value.substring(0, 3) : "") + HIDDEN;
    }

    private static Rule rule(String regex, Function<MatchResult, String> replacement) {
        return new Rule(Pattern.compile(regex), replacement);
    }
}
