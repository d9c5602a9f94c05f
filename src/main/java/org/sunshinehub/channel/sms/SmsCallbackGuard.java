package org.sunshinehub.channel.sms;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.sunshinehub.web.CallbackGuard;

/** A push to {@code /callbacks/aliyun-sms/{pathToken}/…} with a wrong token is refused (403) before its body is read. */
@Component
@Order(CallbackGuard.ORDER)
class SmsCallbackGuard extends CallbackGuard {

    private final SmsProperties properties;

    SmsCallbackGuard(SmsProperties properties) {
        super("/callbacks/aliyun-sms/{pathToken}/**");
        this.properties = properties;
    }

    @Override
    protected Optional<Refusal> check(HttpServletRequest request, Map<String, String> variables) {
        return accepts(properties, variables.get("pathToken")) ? Optional.empty()
                : Optional.of(new Refusal(HttpStatus.FORBIDDEN, "回调令牌无效"));
    }

    /** Constant time; an unset token accepts nothing. */
    static boolean accepts(SmsProperties properties, String presented) {
        String expected = properties.callbackToken();
        return expected != null && presented != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
