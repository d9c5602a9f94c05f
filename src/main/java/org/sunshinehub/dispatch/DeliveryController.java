package org.sunshinehub.dispatch;

import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.sunshinehub.audience.PhoneNumbers;
import org.sunshinehub.audience.Subscriber;
import org.sunshinehub.audience.SubscriberDirectory;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.web.InvalidInputException;
import org.sunshinehub.web.Paging;

/** {@code GET /api/deliveries}: what one citizen was sent, found by one of their addresses. */
@RestController
@RequestMapping("/api/deliveries")
class DeliveryController {

    static final int PAGE_SIZE = 20;

    private final SubscriberDirectory subscribers;
    private final DeliveryTrace trace;

    DeliveryController(SubscriberDirectory subscribers, DeliveryTrace trace) {
        this.subscribers = subscribers;
        this.trace = trace;
    }

    /** A page of a citizen's deliveries, newest first. */
    record TracePage(int page, int size, long total, List<TracedDelivery> deliveries) {
    }

    @Operation(summary = "追踪市民或信息的投递记录")
    @GetMapping
    TracePage find(@RequestParam(required = false) String phone, @RequestParam(required = false) String openid,
                   @RequestParam(required = false) String registrationId, @RequestParam(required = false) String itemId,
                   @RequestParam(defaultValue = "0") int page) {
        Paging.check(page, PAGE_SIZE);
        Subscriber subscriber = find(identity(phone, openid, registrationId));
        List<Delivery> all = trace.of(subscriber.id(), itemId == null || itemId.isBlank() ? null : itemId);
        List<TracedDelivery> shown = all.stream().skip((long) page * PAGE_SIZE).limit(PAGE_SIZE)
                .map(TracedDelivery::of).toList();
        return new TracePage(page, PAGE_SIZE, all.size(), shown);
    }

    private Subscriber find(Map.Entry<ChannelKind, String> identity) {
        return subscribers.findByAddress(identity.getKey(), identity.getValue())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有地址为 "
                        + TracedDelivery.mask(identity.getKey(), identity.getValue()) + " 的订阅者"));
    }

    private static Map.Entry<ChannelKind, String> identity(String phone, String openid, String registrationId) {
        Map<ChannelKind, String> given = new LinkedHashMap<>();
        if (phone != null && !phone.isBlank()) {
            given.put(ChannelKind.SMS, PhoneNumbers.normalise(phone).orElseThrow(() -> new InvalidInputException(
                    "查询有误", Map.of("phone", "须为大陆手机号"))));
        }
        if (openid != null && !openid.isBlank()) {
            given.put(ChannelKind.WECHAT, openid.strip());
        }
        if (registrationId != null && !registrationId.isBlank()) {
            given.put(ChannelKind.APP, registrationId.strip());
        }
        if (given.size() != 1) {
            throw new InvalidInputException("查询有误", Map.of("phone", "phone、openid、registrationId 须填且只填一个"));
        }
        return given.entrySet().iterator().next();
    }
}
