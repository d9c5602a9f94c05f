package org.sunshinehub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sunshinehub.sandbox.SandboxProperties.Faults;

/**
 * The sandbox's HTTP server on loopback: the provider APIs at their real paths, and {@code /admin/*} for tests
 * and the demo — {@code GET /admin/sms?phone=} (what was sent), {@code GET /admin/sms/arrivals} (when each SMS
 * API request arrived), {@code GET /admin/stats}, {@code POST
 * /admin/faults} (inject faults), {@code POST /admin/sms-up} (a citizen replies by SMS).
 */
@Component
@ConditionalOnProperty(name = "sunshine.sandbox.enabled", havingValue = "true")
class SandboxServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SandboxServer.class);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final SandboxProperties properties;
    private final FaultState faults = new FaultState();
    private final SmsLedger ledger;
    private final HubCallbacks hub;
    private final ScheduledExecutorService pushes = Executors.newScheduledThreadPool(4);
    private final ExecutorService handlers = Executors.newFixedThreadPool(16);
    private final CallbackPusher pusher;
    private final AliyunSmsSandbox sms;
    private final WechatSandbox wechat;
    private final WechatOAuthSandbox wechatOAuth;
    private final JPushSandbox jpush;
    private final WeiboSandbox weibo;
    private final AtomicLong upSequence = new AtomicLong(System.currentTimeMillis());
    private HttpServer server;

    SandboxServer(SandboxProperties properties, @Value("${sunshine.sms.callback-token}") String callbackToken,
                  org.springframework.core.env.Environment environment, java.time.Clock clock) {
        this.properties = properties;
        this.ledger = new SmsLedger(properties.recordLimit());
        this.hub = new HubCallbacks(callbackToken);
        this.pusher = new CallbackPusher(pushes, properties.repushDelays());
        this.sms = new AliyunSmsSandbox(properties, faults, ledger, pusher, hub);
        this.wechatOAuth = new WechatOAuthSandbox(wechatAccounts(environment));
        this.wechat = new WechatSandbox(wechatAccounts(environment), new WechatCallbackSender(hub, clock), pushes,
                properties.receiptDelay(), properties.wechatAutoReply());
        this.jpush = new JPushSandbox(environment.getProperty("sunshine.app.jpush.app-key", ""),
                environment.getProperty("sunshine.app.jpush.master-secret", ""));
        this.weibo = new WeiboSandbox(Binder.get(environment).bind("sunshine.weibo.accounts",
                Bindable.mapOf(String.class, WeiboAccount.class)).orElse(Map.of()).entrySet().stream()
                .map(e -> new WeiboSandbox.Account(e.getKey(), e.getValue().accessToken(), e.getValue().safeDomain()))
                .toList(), properties.weiboPostsPerHour());
        faults.apply(properties.faults());
    }

    record WeiboAccount(String accessToken, String safeDomain) {
    }

    /** The hub's WeChat accounts, which the sandbox plays WeChat for. */
    private static List<WechatCallbackSender.Account> wechatAccounts(org.springframework.core.env.Environment env) {
        Map<String, WechatAccount> accounts = Binder.get(env)
                .bind("sunshine.wechat.accounts", Bindable.mapOf(String.class, WechatAccount.class)).orElse(Map.of());
        return accounts.entrySet().stream().map(e -> new WechatCallbackSender.Account(e.getKey(), e.getValue().appId(),
                e.getValue().secret(), e.getValue().token(), e.getValue().aesKey(),
                e.getValue().mode() == null ? "SAFE" : e.getValue().mode())).toList();
    }

    record WechatAccount(String appId, String secret, String token, String aesKey, String mode) {
    }

    @EventListener
    void hubStarted(WebServerInitializedEvent event) {
        hub.hubStarted(event.getWebServer().getPort());
        // Before any source is read, so the demo's first pushes find the followers.
        wechat.demoFollowers(properties.wechatFollowers());
    }

    @Override
    public void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), properties.port()), 128);
        } catch (IOException e) {
            throw new IllegalStateException("sandbox cannot listen on port " + properties.port(), e);
        }
        server.setExecutor(handlers);
        server.createContext("/", safe(sms::handle));
        server.createContext("/admin/sms", safe(this::sent));
        server.createContext("/admin/sms/arrivals", safe(this::arrivals));
        server.createContext("/admin/stats", safe(this::stats));
        server.createContext("/cgi-bin/", safe(wechat::api));
        server.createContext("/admin/wechat/follower", safe(wechat::follower));
        server.createContext("/admin/wechat/messages", safe(wechat::messages));
        server.createContext("/admin/wechat/faults", safe(wechat::faults));
        server.createContext("/connect/oauth2/authorize", safe(wechatOAuth::authorize));
        server.createContext("/sns/oauth2/access_token", safe(wechatOAuth::accessToken));
        server.createContext("/admin/wechat/browser", safe(wechatOAuth::browser));
        server.createContext("/v3/push", safe(jpush::push));
        server.createContext("/admin/jpush/messages", safe(jpush::messages));
        server.createContext("/2/statuses/share.json", safe(weibo::share));
        server.createContext("/2/comments/to_me.json", safe(weibo::commentsToMe));
        server.createContext("/2/statuses/destroy.json", safe(weibo::destroy));
        server.createContext("/admin/weibo/destroyed", safe(weibo::destroyed));
        server.createContext("/admin/weibo/comments", safe(weibo::comment));
        server.createContext("/admin/weibo/posts", safe(weibo::posts));
        server.createContext("/admin/weibo/faults", safe(weibo::faults));
        server.createContext("/admin/jpush/faults", safe(jpush::faults));
        server.createContext("/admin/faults", safe(this::setFaults));
        server.createContext("/admin/sms-up", safe(this::smsUp));
        server.start();
        log.info("Provider sandbox (Aliyun SMS, WeChat, JPush, Weibo) listening on 127.0.0.1:{}", properties.port());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        pushes.shutdownNow();
        handlers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    private void stats(HttpExchange exchange) throws IOException {
        ObjectNode stats = JSON.valueToTree(ledger.counters());
        stats.set("wechat", wechat.stats());
        stats.set("jpush", jpush.stats());
        AliyunSmsSandbox.answer(exchange, 200, stats);
    }

    private void sent(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String phone = Acs3Signature.decodeQuery(query).get("phone");
        ArrayNode list = JSON.valueToTree(ledger.sentTo(phone));
        AliyunSmsSandbox.answer(exchange, 200, JSON.createObjectNode().put("total", list.size()).set("messages", list));
    }

    /** When each request reached the SMS API (epoch milliseconds, oldest first): a test measures the rate with it. */
    private void arrivals(HttpExchange exchange) throws IOException {
        ArrayNode list = JSON.valueToTree(ledger.arrivals());
        AliyunSmsSandbox.answer(exchange, 200, JSON.createObjectNode().put("total", list.size()).set("arrivals", list));
    }

    private void setFaults(HttpExchange exchange) throws IOException {
        Faults f = JSON.readValue(exchange.getRequestBody(), Faults.class);
        faults.apply(f);
        log.info("Sandbox faults now {}", f);
        AliyunSmsSandbox.answer(exchange, 200, JSON.valueToTree(f));
    }

    /**
     * Citizens reply to the last message each got, pushed to the hub as one Aliyun SmsUp: one reply
     * ({@code phone}, {@code content}), or several in one push ({@code messages}), as Aliyun batches them.
     */
    private void smsUp(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        ArrayNode push = JSON.createArrayNode();
        for (JsonNode m : request.has("messages") ? request.path("messages") : JSON.createArrayNode().add(request)) {
            String phone = m.path("phone").asText();
            push.addObject().put("phone_number", phone).put("content", m.path("content").asText())
                    .put("send_time", AliyunSmsSandbox.REPORT_TIME.format(Instant.now()))
                    .put("dest_code", ledger.lastExtendCode(phone)).put("sequence_id", upSequence.incrementAndGet());
        }
        byte[] body = push.toString().getBytes(StandardCharsets.UTF_8);
        URI url = hub.upUrl();
        int repeat = request.path("repeat").asInt(1);
        for (int i = 0; i < repeat; i++) {
            pusher.push(url, () -> body, java.time.Duration.ZERO);
        }
        AliyunSmsSandbox.answer(exchange, 200, push.size() == 1 ? push.get(0) : push);
    }

    private static HttpHandler safe(HttpHandler handler) {
        return exchange -> {
            try {
                handler.handle(exchange);
            } catch (IOException | RuntimeException e) {
                log.warn("Sandbox request {} failed: {}", exchange.getRequestURI().getPath(), e.toString());
                AliyunSmsSandbox.answer(exchange, 500, JSON.valueToTree(Map.of("Code", "InternalError")));
            }
        };
    }
}
