package org.sunshinehub.channel.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.audience.SubscriberDirectory;
import org.sunshinehub.dispatch.ChannelAdapter;
import org.sunshinehub.dispatch.ChannelAlerts;
import org.sunshinehub.dispatch.MessageFields;
import org.sunshinehub.dispatch.OutboundBatch;
import org.sunshinehub.dispatch.OutboundMessage;
import org.sunshinehub.dispatch.RecallOutcome;
import org.sunshinehub.dispatch.SendOutcome;
import org.sunshinehub.dispatch.Throttle;

/**
 * App pushes through JPush Push API v3: one request per up to 1,000 registration ids that share a rendered
 * notification. Each request carries a {@code cid} derived from the batch and its registration ids, so a retry
 * after a timeout repeats the cid and JPush answers the first push's result instead of sending again.
 */
@Component
@ConditionalOnProperty(prefix = "sunshine.app.jpush", name = "app-key")
class JPushAdapter implements ChannelAdapter {

    static final int MAX_REGISTRATION_IDS = 1000;
    static final String ALERT_SOURCE = "app";
    private static final Logger log = LoggerFactory.getLogger(JPushAdapter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JPushProperties properties;
    private final SubscriberDirectory subscribers;
    private final ChannelAlerts alerts;
    private final HttpClient http;
    private final String authorization;

    JPushAdapter(JPushProperties properties, SubscriberDirectory subscribers, ChannelAlerts alerts) {
        this.properties = properties;
        this.subscribers = subscribers;
        this.alerts = alerts;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (properties.appKey() + ":" + properties.masterSecret()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.APP;
    }

    @Override
    public List<SendOutcome> send(OutboundBatch batch, Throttle throttle) {
        SendOutcome[] outcomes = new SendOutcome[batch.messages().size()];
        Map<String, List<Integer>> byContent = new LinkedHashMap<>();
        for (int i = 0; i < batch.messages().size(); i++) {
            byContent.computeIfAbsent(batch.messages().get(i).content(), c -> new ArrayList<>()).add(i);
        }
        byContent.forEach((content, indexes) -> {
            for (int from = 0; from < indexes.size(); from += MAX_REGISTRATION_IDS) {
                List<Integer> part = indexes.subList(from, Math.min(indexes.size(), from + MAX_REGISTRATION_IDS));
                List<String> ids = part.stream().map(i -> batch.messages().get(i).address()).toList();
                throttle.forAccount(properties.appKey()).acquire();
                SendOutcome outcome = push(batch, content, ids);
                part.forEach(i -> outcomes[i] = outcome);
            }
        });
        return List.of(outcomes);
    }

    /**
     * Withdraws a push ({@code DELETE /v3/push/{msg_id}}, 推送撤回). JPush takes back only recent pushes: one it
     * refuses for good keeps its devices, which then get the correction.
     */
    @Override
    public RecallOutcome recall(String msgId, String registrationId, Throttle throttle) {
        throttle.forAccount(properties.appKey()).acquire();
        HttpResponse<String> response;
        try {
            response = call(request("/v3/push/" + URLEncoder.encode(msgId, StandardCharsets.UTF_8)).DELETE());
        } catch (IOException e) {
            return RecallOutcome.failed("JPush 无应答: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RecallOutcome.failed("interrupted");
        }
        if (response.statusCode() == 200) {
            return RecallOutcome.withdrawn();
        }
        int code = parse(response.body()).path("error").path("code").asInt(0);
        return JPushErrors.of(code, response.statusCode()) == JPushErrors.Action.PERMANENT
                ? RecallOutcome.notRecallable() : RecallOutcome.failed("JPush 错误 " + code);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(properties.baseUrl().replaceAll("/+$", "") + path))
                .timeout(properties.timeout()).header("Authorization", authorization);
    }

    private HttpResponse<String> call(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private SendOutcome push(OutboundBatch batch, String content, List<String> registrationIds) {
        HttpResponse<String> response;
        try {
            response = call(request("/v3/push").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(batch, content, registrationIds))));
        } catch (IOException e) {
            return SendOutcome.retry("JPush 无应答: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.retry("interrupted");
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() == 200 && answer.hasNonNull("msg_id")) {
            alerts.clear(ALERT_SOURCE);
            return SendOutcome.accepted(answer.get("msg_id").asText());
        }
        int code = answer.path("error").path("code").asInt(0);
        String reason = "JPush " + (code == 0 ? "HTTP " + response.statusCode() : "错误 " + code);
        return switch (JPushErrors.of(code, response.statusCode())) {
            case RETRY -> SendOutcome.retry(reason);
            case PERMANENT -> SendOutcome.permanent(reason);
            case NO_SUCH_USER -> {
                registrationIds.forEach(id -> subscribers.optOut(ChannelKind.APP, id));
                log.info("JPush found none of {} registration ids (1011); identities marked", registrationIds.size());
                yield SendOutcome.permanent("设备不存在或已失效 (1011)");
            }
            case STOP -> {
                alerts.raise(ALERT_SOURCE, reason + "：请检查极光推送的 AppKey、Master Secret 与 IP 白名单");
                yield SendOutcome.hold(reason);
            }
        };
    }

    private String body(OutboundBatch batch, String content, List<String> registrationIds) {
        Map<String, String> fields = MessageFields.parse(content);
        String alert = fields.getOrDefault("alert", content);
        ObjectNode extras = JSON.createObjectNode().put("itemId", batch.itemId()).put("url", fields.getOrDefault("url", ""));
        ObjectNode body = JSON.createObjectNode().put("cid", cid(batch.batchId(), registrationIds)).put("platform", "all");
        body.putObject("audience").set("registration_id", JSON.valueToTree(registrationIds));
        ObjectNode notification = body.putObject("notification");
        notification.put("alert", alert);
        ObjectNode android = notification.putObject("android").put("alert", alert).put("title", fields.getOrDefault("title", ""));
        android.set("extras", extras);
        notification.putObject("ios").put("alert", alert).put("sound", "default").set("extras", extras);
        body.putObject("options").put("time_to_live", properties.timeToLive().toSeconds())
                .put("apns_production", properties.apnsProduction());
        return body.toString();
    }

    /** {@code {appKey}-{uuid}} as JPush wants it, the same for the same batch and recipients. */
    String cid(String batchId, List<String> registrationIds) {
        String key = batchId + "|" + String.join(",", new TreeSet<>(registrationIds));
        return properties.appKey() + "-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
