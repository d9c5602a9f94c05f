package org.sunshinehub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sunshinehub.SunshineHubApplication;

/**
 * WeChat's official-account API as the hub's WxJava client sees it ({@code /cgi-bin/token}, template send, mass
 * send, mass delete (kept as {@code massDeletes} in {@code /admin/stats}), customer-service send, menu create,
 * user info) with WeChat's error codes, and its followers: a follower
 * follows, clicks and writes through {@code POST /admin/wechat/follower}, which sends the signed (encrypted)
 * callback to the hub; what followers received is at {@code GET /admin/wechat/messages?openid=}. Send results
 * (TEMPLATESENDJOBFINISH, MASSSENDJOBFINISH) are pushed back as WeChat does.
 */
final class WechatSandbox {

    private static final Logger log = LoggerFactory.getLogger(WechatSandbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_LIFE = Duration.ofHours(2);
    static final String DEMO_FOLLOWER = "oDemoFollower";
    private static final int MASS_PER_MONTH = 4;

    private final Map<String, WechatCallbackSender.Account> accountsByAppId = new ConcurrentHashMap<>();
    private final Map<String, WechatCallbackSender.Account> accountsByName = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Follower> followers = new ConcurrentHashMap<>();
    private final AtomicLong msgIds = new AtomicLong(200_000_000L);
    private final AtomicLong citizenMsgIds = new AtomicLong(6_000_000_000_000_000_000L);
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final List<ObjectNode> massDeletes = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Countdown failures = new Countdown();
    private volatile JsonNode menu;
    private final WechatCallbackSender sender;
    private final ScheduledExecutorService executor;
    private final Duration resultDelay;
    private final String autoReply;

    private record Token(String account, Instant expires) {
    }

    /** A follower as WeChat knows them, and what reached them. */
    private static final class Follower {
        volatile boolean following;
        volatile String account;
        volatile boolean blocksTemplates;
        volatile boolean refuses;
        final List<ObjectNode> received = new ArrayList<>();
        /** Mass sends received per Beijing month: WeChat filters out a service account's fifth. */
        final Map<String, Integer> massByMonth = new ConcurrentHashMap<>();

        boolean takesMass() {
            String month = YearMonth.now(SunshineHubApplication.ZONE).toString();
            return massByMonth.merge(month, 1, Integer::sum) <= MASS_PER_MONTH;
        }
    }

    WechatSandbox(List<WechatCallbackSender.Account> accounts, WechatCallbackSender sender,
                  ScheduledExecutorService executor, Duration resultDelay, String autoReply) {
        this.autoReply = autoReply == null || autoReply.isBlank() ? null : autoReply;
        accounts.forEach(a -> {
            accountsByAppId.put(a.appId(), a);
            accountsByName.put(a.name(), a);
        });
        this.sender = sender;
        this.executor = executor;
        this.resultDelay = resultDelay;
    }

    // ---- the API ----

    void api(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = Acs3Signature.decodeQuery(exchange.getRequestURI().getRawQuery());
        if (path.equals("/cgi-bin/token")) {
            token(exchange, query);
            return;
        }
        Token token = tokens.get(query.getOrDefault("access_token", ""));
        if (token == null) {
            error(exchange, 40001, "invalid credential, access_token is invalid or not latest");
            return;
        }
        if (Instant.now().isAfter(token.expires())) {
            error(exchange, 42001, "access_token expired");
            return;
        }
        java.util.OptionalLong fault = failures.take();
        if (fault.isPresent()) {
            error(exchange, (int) fault.getAsLong(), "sandbox fault");
            return;
        }
        JsonNode body = exchange.getRequestMethod().equals("POST") ? readJson(exchange) : JSON.createObjectNode();
        if (body == null) {
            error(exchange, 47001, "data format error");
            return;
        }
        switch (path) {
            case "/cgi-bin/message/template/send" -> templateSend(exchange, token.account(), body);
            case "/cgi-bin/message/mass/send" -> massSend(exchange, token.account(), body);
            case "/cgi-bin/message/mass/delete" -> massDelete(exchange, body);
            case "/cgi-bin/message/custom/send" -> customSend(exchange, body);
            case "/cgi-bin/menu/create" -> menuCreate(exchange, body);
            case "/cgi-bin/user/info" -> userInfo(exchange, query.getOrDefault("openid", ""));
            default -> error(exchange, 48001, "api unauthorized");
        }
    }

    private void token(HttpExchange exchange, Map<String, String> query) throws IOException {
        tokenRequests.incrementAndGet();
        WechatCallbackSender.Account account = accountsByAppId.get(query.getOrDefault("appid", ""));
        if (account == null || !account.secret().equals(query.get("secret"))) {
            error(exchange, 40125, "invalid appsecret");
            return;
        }
        // Like WeChat: a new token makes the account's earlier ones invalid.
        tokens.values().removeIf(t -> t.account().equals(account.name()));
        String value = "SANDBOX_TOKEN_" + Long.toHexString(System.nanoTime()) + "_" + tokenRequests.get();
        tokens.put(value, new Token(account.name(), Instant.now().plus(TOKEN_LIFE)));
        answer(exchange, JSON.createObjectNode().put("access_token", value).put("expires_in", TOKEN_LIFE.toSeconds()));
    }

    private void templateSend(HttpExchange exchange, String account, JsonNode body) throws IOException {
        String openId = body.path("touser").asText("");
        Follower f = followers.get(openId);
        if (body.path("template_id").asText("").isEmpty()) {
            error(exchange, 40037, "invalid template_id");
            return;
        }
        if (f == null || !f.following) {
            error(exchange, 43004, "require subscribe");
            return;
        }
        if (f.refuses) {
            error(exchange, 43101, "user refuse to accept the msg");
            return;
        }
        long msgId = msgIds.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("kind", "template").put("msgid", msgId)
                .put("templateId", body.path("template_id").asText()).put("url", body.path("url").asText(null))
                .put("clientMsgId", body.path("client_msg_id").asText(null)).put("at", Instant.now().toString());
        message.set("data", body.path("data"));
        receive(f, message);
        String status = f.blocksTemplates ? "failed:user block" : "success";
        later(account, eventXml(account, openId, "TEMPLATESENDJOBFINISH",
                "<MsgID>" + msgId + "</MsgID><Status><![CDATA[" + status + "]]></Status>"));
        if (autoReply != null && openId.startsWith(DEMO_FOLLOWER)) {
            later(account, citizenXml(accountsByName.get(account), openId,
                    JSON.createObjectNode().put("text", autoReply)));
        }
        answer(exchange, JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok").put("msgid", msgId));
    }

    private void massSend(HttpExchange exchange, String account, JsonNode body) throws IOException {
        JsonNode to = body.path("touser");
        if (!to.isArray() || to.size() < 2 || to.size() > 10_000) {
            error(exchange, 40130, "invalid openid list size, at least two openid");
            return;
        }
        long msgId = msgIds.incrementAndGet();
        int sent = 0;
        for (JsonNode id : to) {
            Follower f = followers.get(id.asText());
            if (f != null && f.following && f.takesMass()) {
                receive(f, JSON.createObjectNode().put("kind", "mass").put("msgid", msgId)
                        .put("content", body.path("text").path("content").asText()).put("at", Instant.now().toString()));
                sent++;
            }
        }
        later(account, eventXml(account, "mass_sender", "MASSSENDJOBFINISH", "<MsgID>" + msgId
                + "</MsgID><Status><![CDATA[send success]]></Status><TotalCount>" + to.size() + "</TotalCount><FilterCount>"
                + sent + "</FilterCount><SentCount>" + sent + "</SentCount><ErrorCount>0</ErrorCount>"));
        answer(exchange, JSON.createObjectNode().put("errcode", 0).put("errmsg", "send job submission success")
                .put("msg_id", msgId).put("msg_data_id", msgId * 10));
    }

    /** {@code {msg_id, article_idx}}: the mass send is marked deleted where it was received, and the request kept. */
    private void massDelete(HttpExchange exchange, JsonNode body) throws IOException {
        long msgId = body.path("msg_id").asLong(0);
        int marked = 0;
        for (Follower f : followers.values()) {
            synchronized (f.received) {
                for (ObjectNode m : f.received) {
                    if ("mass".equals(m.path("kind").asText()) && m.path("msgid").asLong() == msgId) {
                        m.put("deleted", true);
                        marked++;
                    }
                }
            }
        }
        if (marked == 0) {
            error(exchange, 40007, "invalid msg_id");
            return;
        }
        massDeletes.add(JSON.createObjectNode().put("msg_id", msgId).put("article_idx", body.path("article_idx").asInt(-1)));
        answer(exchange, JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok"));
    }

    private void customSend(HttpExchange exchange, JsonNode body) throws IOException {
        Follower f = followers.get(body.path("touser").asText(""));
        if (f == null || !f.following) {
            error(exchange, 43004, "require subscribe");
            return;
        }
        receive(f, JSON.createObjectNode().put("kind", "custom").put("content", body.path("text").path("content").asText())
                .put("at", Instant.now().toString()));
        answer(exchange, JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok"));
    }

    private void menuCreate(HttpExchange exchange, JsonNode body) throws IOException {
        JsonNode buttons = body.path("button");
        if (!buttons.isArray() || buttons.isEmpty() || buttons.size() > 3) {
            error(exchange, 40016, "invalid button size");
            return;
        }
        menu = body;
        answer(exchange, JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok"));
    }

    private void userInfo(HttpExchange exchange, String openId) throws IOException {
        Follower f = followers.get(openId);
        if (f == null) {
            error(exchange, 40003, "invalid openid");
            return;
        }
        answer(exchange, JSON.createObjectNode().put("subscribe", f.following ? 1 : 0).put("openid", openId)
                .put("language", "zh_CN"));
    }

    // ---- followers (admin) ----

    /** {@code {"account","openid","event"|"text", "key", "repeat"}}: a follower acts; the hub's answer comes back. */
    void follower(HttpExchange exchange) throws IOException {
        JsonNode request = readJson(exchange);
        WechatCallbackSender.Account account = accountsByName.get(request == null ? "" : request.path("account").asText(""));
        String openId = request == null ? "" : request.path("openid").asText("");
        if (account == null || openId.isEmpty()) {
            AliyunSmsSandbox.answer(exchange, 400, JSON.createObjectNode().put("error", "account and openid needed"));
            return;
        }
        Follower f = followers.computeIfAbsent(openId, id -> new Follower());
        f.account = account.name();
        f.blocksTemplates = request.path("blocksTemplates").asBoolean(f.blocksTemplates);
        f.refuses = request.path("refuses").asBoolean(f.refuses);
        String xml = citizenXml(account, openId, request);
        if (xml == null) {
            AliyunSmsSandbox.answer(exchange, 200, JSON.createObjectNode().put("updated", openId));
            return;
        }
        String event = request.path("event").asText("");
        if (event.equals("subscribe")) {
            f.following = true;
        } else if (event.equals("unsubscribe")) {
            f.following = false;
        }
        ArrayNode answers = JSON.createArrayNode();
        for (int i = 0; i < request.path("repeat").asInt(1); i++) {
            WechatCallbackSender.Answer a = sender.send(account, xml);
            answers.add(JSON.createObjectNode().put("status", a.status()).put("reply", a.reply()).put("tries", a.tries()));
        }
        ObjectNode result = ((ObjectNode) answers.get(0)).deepCopy();
        result.set("answers", answers);
        AliyunSmsSandbox.answer(exchange, 200, result);
    }

    /** The demo's followers follow the first account, as if they had scanned its QR code. */
    void demoFollowers(int count) {
        if (count <= 0 || accountsByName.isEmpty()) {
            return;
        }
        WechatCallbackSender.Account account = accountsByName.values().stream()
                .min(java.util.Comparator.comparing(WechatCallbackSender.Account::name)).orElseThrow();
        for (int i = 1; i <= count; i++) {
            String openId = DEMO_FOLLOWER + i;
            Follower f = followers.computeIfAbsent(openId, id -> new Follower());
            f.account = account.name();
            f.following = true;
            WechatCallbackSender.Answer a = sender.send(account, citizenXml(account, openId,
                    JSON.createObjectNode().put("event", "subscribe")));
            log.info("Sandbox WeChat follower {} followed {}: {}", openId, account.name(), a.status());
        }
    }

    void messages(HttpExchange exchange) throws IOException {
        String openId = Acs3Signature.decodeQuery(exchange.getRequestURI().getRawQuery()).getOrDefault("openid", "");
        Follower f = followers.get(openId);
        ArrayNode list = JSON.createArrayNode();
        if (f != null) {
            synchronized (f.received) {
                f.received.forEach(list::add);
            }
        }
        AliyunSmsSandbox.answer(exchange, 200, JSON.createObjectNode().put("total", list.size()).set("messages", list));
    }

    /** {@code {"errcode": 45009, "times": 2}}: the next API calls answer that error. */
    void faults(HttpExchange exchange) throws IOException {
        JsonNode request = readJson(exchange);
        failures.arm(request == null ? 0 : request.path("errcode").asInt(0),
                request == null ? 0 : request.path("times").asInt(0));
        AliyunSmsSandbox.answer(exchange, 200, request == null ? JSON.createObjectNode() : request);
    }

    ObjectNode stats() {
        ObjectNode stats = JSON.createObjectNode().put("tokenRequests", tokenRequests.get())
                .put("followers", followers.size());
        stats.set("menu", menu);
        synchronized (massDeletes) {
            stats.set("massDeletes", JSON.valueToTree(massDeletes));
        }
        return stats;
    }

    private String citizenXml(WechatCallbackSender.Account account, String openId, JsonNode request) {
        long createTime = request.path("createTime").asLong(System.currentTimeMillis() / 1000);
        String head = "<xml><ToUserName><![CDATA[gh_" + account.name() + "]]></ToUserName><FromUserName><![CDATA["
                + openId + "]]></FromUserName><CreateTime>" + createTime + "</CreateTime>";
        if (request.has("text")) {
            long msgId = request.path("msgId").asLong(citizenMsgIds.incrementAndGet());
            return head + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + request.path("text").asText()
                    + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
        }
        if (request.has("event")) {
            String key = request.has("key") ? "<EventKey><![CDATA[" + request.path("key").asText() + "]]></EventKey>" : "";
            return head + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + request.path("event").asText()
                    + "]]></Event>" + key + "</xml>";
        }
        return null;
    }

    private String eventXml(String account, String openId, String event, String extra) {
        return "<xml><ToUserName><![CDATA[gh_" + account + "]]></ToUserName><FromUserName><![CDATA[" + openId
                + "]]></FromUserName><CreateTime>" + System.currentTimeMillis() / 1000
                + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + event + "]]></Event>" + extra
                + "</xml>";
    }

    private void later(String account, String xml) {
        executor.schedule(() -> {
            WechatCallbackSender.Answer a = sender.send(accountsByName.get(account), xml);
            if (a.status() != 200) {
                log.warn("Sandbox WeChat event not taken by the hub (status {})", a.status());
            }
        }, resultDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void receive(Follower f, ObjectNode message) {
        synchronized (f.received) {
            f.received.add(message);
        }
    }

    private static JsonNode readJson(HttpExchange exchange) {
        try {
            return JSON.readTree(exchange.getRequestBody());
        } catch (IOException e) {
            return null;
        }
    }

    private static void error(HttpExchange exchange, int code, String message) throws IOException {
        answer(exchange, JSON.createObjectNode().put("errcode", code).put("errmsg", message));
    }

    /** WeChat answers errors, too, with HTTP 200. */
    private static void answer(HttpExchange exchange, JsonNode body) throws IOException {
        AliyunSmsSandbox.answer(exchange, 200, body);
    }
}
