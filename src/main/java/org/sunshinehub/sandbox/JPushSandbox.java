package org.sunshinehub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JPush Push API v3 as the hub calls it: {@code POST /v3/push} and {@code /v3/push/validate} with Basic auth,
 * JPush's error bodies and HTTP statuses, and {@code cid} de-duplication (a repeated cid gets the first answer
 * and sends nothing), and {@code DELETE /v3/push/{msg_id}} (推送撤回; withdrawn ids are in {@code /admin/stats}). {@code GET /admin/jpush/messages?registrationId=} shows what a device received;
 * {@code POST /admin/jpush/faults} takes {@code {"code":1000,"times":2}}, {@code {"slowMillis":3000,"times":1}}
 * (answers late, after sending) or {@code {"unknownRegistrationIds":[…]}}.
 */
final class JPushSandbox {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Integer, Integer> STATUS = Map.of(1000, 500, 1004, 401, 1011, 400, 1012, 400, 1030, 503,
            2002, 429, 2003, 403, 2004, 403, 2005, 403);

    private final byte[] authorization;
    private final Map<String, ObjectNode> byCid = new ConcurrentHashMap<>();
    private final Map<String, List<ObjectNode>> received = new ConcurrentHashMap<>();
    private final AtomicLong msgIds = new AtomicLong(1_828_256_757L);
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> withdrawn = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Countdown failures = new Countdown();
    private final Countdown slowAnswers = new Countdown();
    private volatile Set<String> unknown = Set.of();

    JPushSandbox(String appKey, String masterSecret) {
        this.authorization = ("Basic " + Base64.getEncoder().encodeToString((appKey + ":" + masterSecret)
                .getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
    }

    void push(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (exchange.getRequestMethod().equals("DELETE")) {
            withdraw(exchange);
            return;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            error(exchange, 405, 1001, "Only support HTTP POST method");
            return;
        }
        if (!authorized(exchange)) {
            error(exchange, 401, 1004, "Authen failed");
            return;
        }
        OptionalLong fault = failures.take();
        if (fault.isPresent()) {
            int code = (int) fault.getAsLong();
            error(exchange, STATUS.getOrDefault(code, 400), code, "sandbox fault");
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(exchange.getRequestBody());
        } catch (IOException e) {
            error(exchange, 400, 1003, "Invalid JSON");
            return;
        }
        JsonNode ids = body == null ? null : body.path("audience").path("registration_id");
        if (ids == null || !ids.isArray() || ids.isEmpty() || ids.size() > 1000 || !body.has("notification")) {
            error(exchange, 400, ids == null || ids.isMissingNode() ? 1002 : 1003, "Audience or notification invalid");
            return;
        }
        boolean validateOnly = exchange.getRequestURI().getPath().endsWith("/validate");
        String cid = body.path("cid").asText("");
        ObjectNode first = cid.isEmpty() ? null : byCid.get(cid);
        ObjectNode answer = first != null ? first : deliver(body, ids, validateOnly);
        if (!cid.isEmpty() && !validateOnly) {
            byCid.putIfAbsent(cid, answer);
        }
        OptionalLong slow = slowAnswers.take();
        if (slow.isPresent()) {
            try {
                Thread.sleep(slow.getAsLong());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        int status = answer.has("error") ? 400 : 200;
        AliyunSmsSandbox.answer(exchange, status, answer);
    }

    /** {@code DELETE /v3/push/{msg_id}} (推送撤回): the devices' copies are marked withdrawn; 1003 for an unknown id. */
    private void withdraw(HttpExchange exchange) throws IOException {
        if (!authorized(exchange)) {
            error(exchange, 401, 1004, "Authen failed");
            return;
        }
        String msgId = exchange.getRequestURI().getPath().replaceFirst("^/v3/push/", "");
        int marked = 0;
        for (List<ObjectNode> got : received.values()) {
            synchronized (got) {
                for (ObjectNode m : got) {
                    if (m.path("msgId").asText().equals(msgId)) {
                        m.put("withdrawn", true);
                        marked++;
                    }
                }
            }
        }
        if (marked == 0) {
            error(exchange, 400, 1003, "msg_id does not exist");
            return;
        }
        withdrawn.add(msgId);
        AliyunSmsSandbox.answer(exchange, 200, JSON.createObjectNode());
    }

    private boolean authorized(HttpExchange exchange) {
        String presented = exchange.getRequestHeaders().getFirst("Authorization");
        return presented != null && MessageDigest.isEqual(authorization, presented.getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode deliver(JsonNode body, JsonNode ids, boolean validateOnly) {
        List<String> known = new ArrayList<>();
        ids.forEach(id -> {
            if (!unknown.contains(id.asText())) {
                known.add(id.asText());
            }
        });
        long msgId = msgIds.incrementAndGet();
        ObjectNode answer = JSON.createObjectNode().put("sendno", "0").put("msg_id", String.valueOf(msgId));
        if (known.isEmpty()) {
            answer.putObject("error").put("code", 1011).put("message", "cannot find user by this audience");
            return answer;
        }
        if (!validateOnly) {
            ObjectNode message = JSON.createObjectNode().put("msgId", String.valueOf(msgId))
                    .put("alert", body.path("notification").path("alert").asText())
                    .put("title", body.path("notification").path("android").path("title").asText())
                    .put("cid", body.path("cid").asText()).put("at", Instant.now().toString());
            message.set("extras", body.path("notification").path("android").path("extras"));
            known.forEach(id -> received.computeIfAbsent(id, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(message));
        }
        return answer;
    }

    void messages(HttpExchange exchange) throws IOException {
        String id = Acs3Signature.decodeQuery(exchange.getRequestURI().getRawQuery()).getOrDefault("registrationId", "");
        ArrayNode list = JSON.createArrayNode();
        List<ObjectNode> got = received.getOrDefault(id, List.of());
        synchronized (got) {
            got.forEach(list::add);
        }
        AliyunSmsSandbox.answer(exchange, 200, JSON.createObjectNode().put("total", list.size()).set("messages", list));
    }

    void faults(HttpExchange exchange) throws IOException {
        JsonNode f = JSON.readTree(exchange.getRequestBody());
        failures.arm(f.path("code").asInt(0), f.has("code") ? f.path("times").asInt(1) : 0);
        slowAnswers.arm(f.path("slowMillis").asLong(0), f.has("slowMillis") ? f.path("times").asInt(1) : 0);
        List<String> ids = new ArrayList<>();
        f.path("unknownRegistrationIds").forEach(id -> ids.add(id.asText()));
        unknown = Set.copyOf(ids);
        AliyunSmsSandbox.answer(exchange, 200, f);
    }

    ObjectNode stats() {
        ObjectNode stats = JSON.createObjectNode().put("requests", requests.get()).put("cids", byCid.size());
        synchronized (withdrawn) {
            stats.set("withdrawn", JSON.valueToTree(withdrawn));
        }
        return stats;
    }

    private static void error(HttpExchange exchange, int status, int code, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("code", code).put("message", message);
        AliyunSmsSandbox.answer(exchange, status, body);
    }
}
