package org.sunshinehub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * WeChat web authorization (网页授权, {@code snsapi_base}) as WeChat's in-app browser does it: {@code GET
 * /connect/oauth2/authorize} answers with a redirect to the page's {@code redirect_uri} carrying a code and the
 * state; {@code GET /sns/oauth2/access_token} exchanges the code, once and within 5 minutes, for the openid. Which
 * follower holds the phone is set with {@code POST /admin/wechat/browser {"openid": …}}; with none, the page says
 * to open the link in WeChat, as WeChat does in any other browser.
 */
final class WechatOAuthSandbox {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CODE_LIFE = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Grant(String appId, String openId, Instant expires) {
    }

    private final Map<String, WechatCallbackSender.Account> accountsByAppId = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private volatile String browserOpenId;

    WechatOAuthSandbox(List<WechatCallbackSender.Account> accounts) {
        accounts.forEach(a -> accountsByAppId.put(a.appId(), a));
    }

    void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = Acs3Signature.decodeQuery(exchange.getRequestURI().getRawQuery());
        String redirect = query.getOrDefault("redirect_uri", "");
        if (!accountsByAppId.containsKey(query.getOrDefault("appid", "")) || !redirect.startsWith("http")
                || !List.of("snsapi_base", "snsapi_userinfo").contains(query.getOrDefault("scope", ""))) {
            page(exchange, 400, "参数错误");
            return;
        }
        String openId = browserOpenId;
        if (openId == null) {
            page(exchange, 200, "请在微信客户端打开链接");
            return;
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String code = HexFormat.of().formatHex(bytes);
        codes.put(code, new Grant(query.get("appid"), openId, Instant.now().plus(CODE_LIFE)));
        exchange.getResponseHeaders().add("Location", redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
                + "&state=" + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    void accessToken(HttpExchange exchange) throws IOException {
        Map<String, String> query = Acs3Signature.decodeQuery(exchange.getRequestURI().getRawQuery());
        WechatCallbackSender.Account account = accountsByAppId.get(query.getOrDefault("appid", ""));
        if (account == null || !account.secret().equals(query.get("secret"))) {
            error(exchange, 40125, "invalid appsecret");
            return;
        }
        Grant grant = codes.remove(query.getOrDefault("code", ""));
        if (grant == null || !grant.appId().equals(account.appId()) || Instant.now().isAfter(grant.expires())) {
            error(exchange, 40029, "invalid code");
            return;
        }
        AliyunSmsSandbox.answer(exchange, 200, JSON.createObjectNode().put("access_token", "SANDBOX_WEB_" + grant.openId().hashCode())
                .put("expires_in", 7200).put("refresh_token", "SANDBOX_REFRESH").put("openid", grant.openId())
                .put("scope", "snsapi_base"));
    }

    /** {@code POST /admin/wechat/browser {"openid": "…"}}: the follower whose WeChat opens the next links ({@code null}: none). */
    void browser(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        browserOpenId = body.path("openid").isTextual() ? body.path("openid").asText() : null;
        AliyunSmsSandbox.answer(exchange, 200, JSON.createObjectNode().put("openid", browserOpenId));
    }

    private static void error(HttpExchange exchange, int code, String message) throws IOException {
        AliyunSmsSandbox.answer(exchange, 200, JSON.createObjectNode().put("errcode", code).put("errmsg", message));
    }

    private static void page(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = ("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>微信</title><p>" + text + "</p></html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html;charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
