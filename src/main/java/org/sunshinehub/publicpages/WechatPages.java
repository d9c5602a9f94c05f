package org.sunshinehub.publicpages;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.sunshinehub.channel.wechat.WechatWebAuthorization;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.content.PublicLinks;

/**
 * Inside WeChat: the page sends the browser to WeChat's web authorization and takes the follower's openid from the
 * code it comes back with. The state is random, kept in a short-lived cookie of its own (SameSite=Lax, as the
 * return from WeChat's host is a cross-site navigation the session cookie does not follow) and must come back
 * unchanged, so no one can sign another browser in with their code.
 */
@Controller
@PublicPage
class WechatPages {

    static final String PATH = PublicLinks.ROOT + "/wechat";
    private static final String STATE_COOKIE = "wx_state";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WechatWebAuthorization wechat;
    private final PublicLinks links;

    WechatPages(WechatWebAuthorization wechat, PublicLinks links) {
        this.wechat = wechat;
        this.links = links;
    }

    @GetMapping(PATH)
    String authorize(@RequestParam(required = false) String item, HttpServletRequest request, HttpServletResponse response) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        // The item's code rides in the state, so the way back is derived from it and never taken as a URL.
        String state = HexFormat.of().formatHex(random) + (PublicLinks.itemId(item).isPresent() ? "." + item : "");
        String back = links.baseUrl().orElseGet(() -> ServletUriComponentsBuilder.fromContextPath(request).build().toUriString())
                + PATH + "/callback";
        String url = wechat.authorizeUrl(back, state).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "本站未开通微信授权，请用手机号验证"));
        response.addHeader("Set-Cookie", STATE_COOKIE + "=" + state + "; Path=" + PATH + "; Max-Age=300; HttpOnly; SameSite=Lax"
                + (request.isSecure() ? "; Secure" : ""));
        return "redirect:" + url;
    }

    @GetMapping(PATH + "/callback")
    String callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
                    HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<String> expected = Optional.ofNullable(request.getCookies()).flatMap(cookies -> Arrays.stream(cookies)
                .filter(c -> c.getName().equals(STATE_COOKIE)).map(Cookie::getValue).findFirst());
        response.addHeader("Set-Cookie", STATE_COOKIE + "=; Path=" + PATH + "; Max-Age=0; HttpOnly; SameSite=Lax");
        if (state == null || expected.isEmpty() || !expected.get().equals(state)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "微信授权已过期，请重新打开页面");
        }
        String openId = wechat.openId(code).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.BAD_REQUEST, "微信授权未通过，请重新打开页面"));
        CitizenSession.verified(request, new CitizenSession.Identity(ChannelKind.WECHAT, openId));
        redirect.addFlashAttribute("notice", "已通过微信确认身份");
        int dot = state.indexOf('.');
        return "redirect:" + (dot < 0 ? SubscriptionPages.PATH : PublicLinks.itemId(state.substring(dot + 1))
                .map(id -> PublicLinks.path(id) + "#opinion").orElse(SubscriptionPages.PATH));
    }
}
