package org.sunshinehub.channel.wechat;

import java.util.Optional;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * WeChat web authorization (网页授权) with scope {@code snsapi_base}, through WxJava's {@code WxOAuth2Service} on the
 * push account: a page inside WeChat learns the follower's openid without asking (no nickname, no photo).
 */
@NamedInterface("web-authorization")
@Component
public class WechatWebAuthorization {

    private static final Logger log = LoggerFactory.getLogger(WechatWebAuthorization.class);

    private final Optional<WxMpService> service;

    WechatWebAuthorization(WechatApi api) {
        this.service = api.pushAccount().flatMap(api::service);
    }

    /** Whether a WeChat account is configured to authorize with. */
    public boolean available() {
        return service.isPresent();
    }

    /** @return the authorization page to send the browser to, empty when no WeChat account is configured */
    public Optional<String> authorizeUrl(String redirectUri, String state) {
        return service.map(s -> s.getOAuth2Service().buildAuthorizationUrl(redirectUri, WxConsts.OAuth2Scope.SNSAPI_BASE, state));
    }

    /** @return the openid the code stands for, empty when WeChat refuses it (used, expired, forged) */
    public Optional<String> openId(String code) {
        if (service.isEmpty() || code == null || code.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(service.get().getOAuth2Service().getAccessToken(code).getOpenId());
        } catch (WxErrorException e) {
            log.info("WeChat refused a web authorization code: errcode {}", e.getError().getErrorCode());
            return Optional.empty();
        }
    }
}
