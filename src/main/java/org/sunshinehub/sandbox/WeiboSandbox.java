package org.sunshinehub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Weibo's open API as the hub calls it: {@code POST /2/statuses/share.json} (token, safe-domain link, no
 * {@code #话题#}, 140 characters, repeated content, 30 posts an hour per account, Weibo's error bodies) and
 * {@code GET /2/comments/to_me.json} ({@code since_id}, pages, newest first), {@code POST 2/statuses/destroy.json}
 * (the deletions are listed at {@code GET /admin/weibo/destroyed?account=}). Citizens comment through
 * {@code POST /admin/weibo/comments}; {@code GET /admin/weibo/posts?account=} lists the posts;
 * {@code POST /admin/weibo/faults} takes {@code {"expiredToken":true}}.
 */
final class WeiboSandbox {

    /** An account as Weibo knows it. */
    record Account(String name, String accessToken, String safeDomain) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.US)
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    /**
     * Weibo outlives the hub: posts and comments are kept per access token for the life of the JVM, so a test
     * that restarts the hub (with a fixed token) finds them again, as the hub would find Weibo's.
     */
    private static final Map<String, List<ObjectNode>> POSTS = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> DESTROYED = new ConcurrentHashMap<>();
    private static final Map<String, List<ObjectNode>> COMMENTS = new ConcurrentHashMap<>();
    // Ids beyond 2^53, as Weibo's are: a client that reads them as doubles gets them wrong.
    private static final AtomicLong POST_IDS = new AtomicLong(5_000_000_000_000_000_001L);
    private static final AtomicLong COMMENT_IDS = new AtomicLong(4_900_000_000_000_000_001L);

    private final Map<String, Account> byToken = new ConcurrentHashMap<>();
    private final Map<String, String> tokenByName = new ConcurrentHashMap<>();
    private volatile boolean expiredToken;
    private final int perHour;

    WeiboSandbox(List<Account> accounts, int perHour) {
        this.perHour = perHour;
        accounts.forEach(a -> {
            byToken.put(a.accessToken(), a);
            tokenByName.put(a.name(), a.accessToken());
        });
    }

    void share(HttpExchange exchange) throws IOException {
        Map<String, String> form = Acs3Signature.decodeQuery(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        Account account = byToken.get(form.getOrDefault("access_token", ""));
        if (account == null) {
            error(exchange, 400, 21332, "invalid_access_token");
            return;
        }
        if (expiredToken) {
            error(exchange, 400, 21327, "expired_token");
            return;
        }
        String status = form.getOrDefault("status", "");
        if (status.isEmpty() || !form.containsKey("rip")) {
            error(exchange, 400, 10016, "miss required parameter (status, rip)");
            return;
        }
        if (status.matches("(?s).*#[^#]+#.*") || !linksUnder(status, account.safeDomain())) {
            error(exchange, 400, 10017, "parameter (status)'s value invalid");
            return;
        }
        if (length(status) > 140) {
            error(exchange, 400, 20012, "Text too long, please input text less than 140 characters!");
            return;
        }
        List<ObjectNode> mine = POSTS.computeIfAbsent(account.accessToken(), k -> java.util.Collections.synchronizedList(new ArrayList<>()));
        synchronized (mine) {
            if (mine.stream().anyMatch(p -> p.get("text").asText().equals(status))) {
                error(exchange, 400, 20019, "Repeat content!");
                return;
            }
            Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
            if (mine.stream().filter(p -> Instant.parse(p.get("postedAt").asText()).isAfter(hourAgo)).count() >= perHour) {
                error(exchange, 400, 10023, "User requests out of rate limit!");
                return;
            }
            long id = POST_IDS.getAndIncrement();
            ObjectNode post = JSON.createObjectNode().put("created_at", CREATED_AT.format(Instant.now()))
                    .put("id", 3504803600500000L).put("mid", String.valueOf(id)).put("idstr", String.valueOf(id))
                    .put("text", status).put("postedAt", Instant.now().toString());
            mine.add(post);
            AliyunSmsSandbox.answer(exchange, 200, post);
        }
    }

    /** {@code POST 2/statuses/destroy.json} ({@code access_token}, {@code id}): the post is gone; 20101 when it is not there. */
    void destroy(HttpExchange exchange) throws IOException {
        Map<String, String> form = Acs3Signature.decodeQuery(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        Account account = byToken.get(form.getOrDefault("access_token", ""));
        if (account == null || expiredToken) {
            error(exchange, 400, account == null ? 21332 : 21327, account == null ? "invalid_access_token" : "expired_token");
            return;
        }
        String id = form.getOrDefault("id", "");
        List<ObjectNode> mine = POSTS.getOrDefault(account.accessToken(), List.of());
        ObjectNode post;
        synchronized (mine) {
            post = mine.stream().filter(p -> p.get("idstr").asText().equals(id)).findFirst().orElse(null);
            if (post != null) {
                mine.remove(post);
            }
        }
        if (post == null) {
            error(exchange, 400, 20101, "Target weibo does not exist!");
            return;
        }
        DESTROYED.computeIfAbsent(account.accessToken(), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(id);
        AliyunSmsSandbox.answer(exchange, 200, post);
    }

    /** {@code GET /admin/weibo/destroyed?account=}: the ids of the account's posts deleted through the API. */
    void destroyed(HttpExchange exchange) throws IOException {
        String name = Acs3Signature.decodeQuery(exchange.getRequestURI().getRawQuery()).getOrDefault("account", "");
        ArrayNode list = JSON.valueToTree(List.copyOf(DESTROYED.getOrDefault(tokenByName.getOrDefault(name, ""), List.of())));
        AliyunSmsSandbox.answer(exchange, 200, JSON.createObjectNode().put("total", list.size()).set("ids", list));
    }

    void commentsToMe(HttpExchange exchange) throws IOException {
        Map<String, String> query = Acs3Signature.decodeQuery(exchange.getRequestURI().getRawQuery());
        Account account = byToken.get(query.getOrDefault("access_token", ""));
        if (account == null || expiredToken) {
            error(exchange, 400, account == null ? 21332 : 21327, account == null ? "invalid_access_token" : "expired_token");
            return;
        }
        long since = Long.parseLong(query.getOrDefault("since_id", "0"));
        int count = Integer.parseInt(query.getOrDefault("count", "50"));
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        List<ObjectNode> newer = new ArrayList<>();
        List<ObjectNode> all = COMMENTS.getOrDefault(account.accessToken(), List.of());
        synchronized (all) {
            for (ObjectNode c : all) {
                if (!c.has("id") || c.get("id").asLong() > since) {
                    newer.add(c);
                }
            }
        }
        java.util.Collections.reverse(newer);
        ArrayNode list = JSON.createArrayNode();
        newer.stream().skip((long) (page - 1) * count).limit(count).forEach(list::add);
        ObjectNode body = JSON.createObjectNode();
        body.set("comments", list);
        body.put("previous_cursor", 0).put("next_cursor", 0).put("total_number", newer.size());
        AliyunSmsSandbox.answer(exchange, 200, body);
    }

    /** {@code {"account","postId"?,"uid"?,"text","count"?,"malformed"?}}: citizens comment on a post (default: the latest). */
    void comment(HttpExchange exchange) throws IOException {
        JsonNode r = JSON.readTree(exchange.getRequestBody());
        String token = tokenByName.getOrDefault(r.path("account").asText(""), "");
        List<ObjectNode> mine = POSTS.getOrDefault(token, List.of());
        ObjectNode post;
        synchronized (mine) {
            post = r.has("postId") ? mine.stream().filter(p -> p.get("idstr").asText().equals(r.get("postId").asText()))
                    .findFirst().orElse(null) : mine.isEmpty() ? null : mine.get(mine.size() - 1);
        }
        if (post == null) {
            AliyunSmsSandbox.answer(exchange, 404, JSON.createObjectNode().put("error", "no such post"));
            return;
        }
        List<ObjectNode> list = COMMENTS.computeIfAbsent(token, k -> java.util.Collections.synchronizedList(new ArrayList<>()));
        ArrayNode added = JSON.createArrayNode();
        for (int i = 0; i < r.path("count").asInt(1); i++) {
            long id = COMMENT_IDS.getAndIncrement();
            ObjectNode c = JSON.createObjectNode().put("created_at", CREATED_AT.format(Instant.now()))
                    .put("id", id).put("idstr", String.valueOf(id)).put("mid", String.valueOf(id));
            if (r.path("malformed").asBoolean(false)) {
                // as a deleted comment comes: an id, and neither text nor author
                list.add(c.put("deleted", "1"));
                added.add(c);
                continue;
            }
            c.put("text", r.path("text").asText("市民评论") + (r.path("count").asInt(1) > 1 ? " " + (i + 1) : ""));
            long uid = r.path("uid").asLong(1_404_376_560L + i);
            c.putObject("user").put("id", uid).put("idstr", String.valueOf(uid)).put("screen_name", "市民" + uid);
            c.putObject("status").put("id", 3504803600500000L).put("idstr", post.get("idstr").asText())
                    .put("mid", post.get("mid").asText());
            list.add(c);
            added.add(c);
        }
        AliyunSmsSandbox.answer(exchange, 200, JSON.createObjectNode().set("comments", added));
    }

    void posts(HttpExchange exchange) throws IOException {
        String name = Acs3Signature.decodeQuery(exchange.getRequestURI().getRawQuery()).getOrDefault("account", "");
        ArrayNode list = JSON.createArrayNode();
        List<ObjectNode> mine = POSTS.getOrDefault(tokenByName.getOrDefault(name, ""), List.of());
        synchronized (mine) {
            mine.forEach(list::add);
        }
        AliyunSmsSandbox.answer(exchange, 200, JSON.createObjectNode().put("total", list.size()).set("posts", list));
    }

    void faults(HttpExchange exchange) throws IOException {
        JsonNode f = JSON.readTree(exchange.getRequestBody());
        expiredToken = f.path("expiredToken").asBoolean(false);
        AliyunSmsSandbox.answer(exchange, 200, f);
    }

    private static boolean linksUnder(String status, String domain) {
        Matcher m = URL.matcher(status);
        while (m.find()) {
            try {
                String host = URI.create(m.group()).getHost();
                if (host != null && (host.equals(domain) || host.endsWith("." + domain))) {
                    return true;
                }
            } catch (IllegalArgumentException ignored) {
                // not a link Weibo would accept
            }
        }
        return false;
    }

    private static int length(String text) {
        int halves = 0;
        for (int i = 0; i < text.length(); i++) {
            halves += text.charAt(i) < 128 ? 1 : 2;
        }
        return (halves + 1) / 2;
    }

    private static void error(HttpExchange exchange, int status, int code, String message) throws IOException {
        AliyunSmsSandbox.answer(exchange, status, JSON.createObjectNode().put("request", exchange.getRequestURI().getPath())
                .put("error_code", String.valueOf(code)).put("error", message));
    }
}
