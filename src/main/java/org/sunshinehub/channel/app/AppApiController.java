package org.sunshinehub.channel.app;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.audience.Subscriber;
import org.sunshinehub.audience.SubscriberDirectory;
import org.sunshinehub.content.ItemRepository;
import org.sunshinehub.feedback.Feedback;
import org.sunshinehub.feedback.FeedbackInbox;
import org.sunshinehub.web.InvalidInputException;

/**
 * What the office's app backend calls ({@code X-Api-Key} from {@code sunshine.app.api-keys}): a device and its
 * topics, an opt-out, and a citizen's feedback on an item — stored like any other channel's.
 */
@RestController
@RequestMapping("/api/app")
class AppApiController {

    private final SubscriberDirectory subscribers;
    private final FeedbackInbox feedback;
    private final ItemRepository items;
    private final Clock clock;

    AppApiController(SubscriberDirectory subscribers, FeedbackInbox feedback, ItemRepository items, Clock clock) {
        this.subscribers = subscribers;
        this.feedback = feedback;
        this.items = items;
        this.clock = clock;
    }

    record Device(String registrationId, List<String> topics) {
    }

    /** Registers the device (again) and makes its topics exactly these; an earlier opt-out is lifted. */
    @Operation(summary = "登记 App 设备及其订阅话题")
    @PutMapping("/devices/{registrationId}")
    Device register(@PathVariable String registrationId, @RequestBody Device body) {
        List<String> topics = body.topics() == null ? List.of() : body.topics();
        Subscriber s = subscribers.optIn(ChannelKind.APP, registrationId, topics);
        Set<String> dropped = new HashSet<>(s.topics());
        topics.forEach(t -> dropped.remove(t.strip()));
        List<String> now = dropped.isEmpty() ? s.topics()
                : subscribers.dropTopics(ChannelKind.APP, registrationId, dropped).map(Subscriber::topics).orElse(List.of());
        return new Device(registrationId, now);
    }

    @Operation(summary = "查询 App 设备的订阅")
    @GetMapping("/devices/{registrationId}")
    Map<String, Object> subscriptions(@PathVariable String registrationId) {
        Subscriber s = device(registrationId);
        return Map.of("registrationId", registrationId, "topics", s.topics(),
                "optedOut", s.optedOut().containsKey(ChannelKind.APP));
    }

    @Operation(summary = "App 设备退订（不再推送）")
    @DeleteMapping("/devices/{registrationId}")
    ResponseEntity<Void> optOut(@PathVariable String registrationId) {
        device(registrationId);
        subscribers.optOut(ChannelKind.APP, registrationId);
        return ResponseEntity.noContent().build();
    }

    record AppFeedback(String registrationId, String itemId, String text, String clientId) {
    }

    /** 201 stored, 200 a repeat of the same {@code clientId}, 409 with the reason when the item takes no more. */
    @Operation(summary = "提交 App 用户的留言")
    @PostMapping("/feedback")
    ResponseEntity<Map<String, Object>> feedback(@RequestBody AppFeedback body) {
        Map<String, String> errors = new java.util.TreeMap<>();
        if (body.registrationId() == null || body.registrationId().isBlank()) {
            errors.put("registrationId", "必填");
        }
        if (body.clientId() == null || !body.clientId().matches("[A-Za-z0-9_.:-]{1,64}")) {
            errors.put("clientId", "必填，1-64 位字母、数字或 _.:-，同一条反馈重发时须相同");
        }
        if (body.text() == null || body.text().isBlank() || body.text().length() > 2000) {
            errors.put("text", "不能为空且不超过 2000 字");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("反馈内容无效", errors);
        }
        if (body.itemId() != null && items.findById(body.itemId()).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这条信息");
        }
        Subscriber s = device(body.registrationId());
        String key = "app:" + body.registrationId() + ":" + body.clientId();
        FeedbackInbox.Recorded recorded = feedback.record(new Feedback(key, body.itemId(), ChannelKind.APP.code(),
                s.id(), body.registrationId(), body.text().strip(), null, clock.instant()));
        return switch (recorded.outcome()) {
            case REFUSED -> throw new ResponseStatusException(HttpStatus.CONFLICT, recorded.reason());
            case STORED -> ResponseEntity.status(HttpStatus.CREATED).body(Map.of("feedbackId", key));
            case REPEAT -> ResponseEntity.ok(Map.of("feedbackId", key));
        };
    }

    private Subscriber device(String registrationId) {
        return subscribers.findByAddress(ChannelKind.APP, registrationId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "未登记的设备"));
    }
}
