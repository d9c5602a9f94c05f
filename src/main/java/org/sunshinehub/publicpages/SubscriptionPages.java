package org.sunshinehub.publicpages;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunshinehub.audience.PhoneNumbers;
import org.sunshinehub.audience.Subscriber;
import org.sunshinehub.audience.SubscriberDirectory;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.content.PublicLinks;

/**
 * 我的订阅: the verified phone's topics and channels. Topics are chosen from the office's list (and those one already
 * has); each channel the citizen is known on can be refused or taken again, effective for the next push.
 */
@Controller
@PublicPage
class SubscriptionPages {

    static final String PATH = PublicLinks.ROOT + "/subscriptions";

    private final SubscriberDirectory subscribers;
    private final PublicPageProperties properties;
    private final PublicLimits limits;

    SubscriptionPages(SubscriberDirectory subscribers, PublicPageProperties properties, PublicLimits limits) {
        this.subscribers = subscribers;
        this.properties = properties;
        this.limits = limits;
    }

    /** One channel the citizen is known on, and whether it is used. */
    record Channel(String code, String label, boolean receiving) {
    }

    @GetMapping(PATH)
    String page(HttpServletRequest request, Model model) {
        Optional<String> phone = CitizenSession.phone(request);
        model.addAttribute("citizen", phone.map(PhoneNumbers::mask).orElse(null));
        phone.ifPresent(p -> {
            Optional<Subscriber> subscriber = subscribers.findByAddress(ChannelKind.SMS, p);
            List<String> current = subscriber.map(Subscriber::topics).orElse(List.of());
            Set<String> offered = new LinkedHashSet<>(properties.topics());
            offered.addAll(current);
            model.addAttribute("topics", List.copyOf(offered));
            model.addAttribute("current", current);
            model.addAttribute("channels", channels(subscriber, p));
        });
        return "public/subscriptions";
    }

    @PostMapping(PATH)
    String save(@RequestParam(required = false) List<String> topics, @RequestParam(required = false) List<String> channels,
                HttpServletRequest request, RedirectAttributes redirect) {
        limits.byAddress(PublicLimits.Action.SUBSCRIBE, request);
        Optional<String> phone = CitizenSession.phone(request);
        if (phone.isEmpty()) {
            redirect.addFlashAttribute("problem", "请先验证手机号");
            return "redirect:" + PATH;
        }
        Set<String> chosen = new LinkedHashSet<>(topics == null ? List.of() : topics);
        Set<String> receiving = new LinkedHashSet<>(channels == null ? List.of() : channels);
        Optional<Subscriber> before = subscribers.findByAddress(ChannelKind.SMS, phone.get());
        Set<String> dropped = new LinkedHashSet<>(before.map(Subscriber::topics).orElse(List.of()));
        dropped.removeAll(chosen);
        // Taking topics through the phone re-activates SMS; a refusal of SMS below comes after and wins.
        subscribers.optIn(ChannelKind.SMS, phone.get(), List.copyOf(chosen));
        if (!dropped.isEmpty()) {
            subscribers.dropTopics(ChannelKind.SMS, phone.get(), dropped);
        }
        Subscriber now = subscribers.findByAddress(ChannelKind.SMS, phone.get()).orElseThrow();
        for (Channel channel : channels(Optional.of(now), phone.get())) {
            ChannelKind kind = ChannelKind.of(channel.code());
            String address = kind == ChannelKind.SMS ? phone.get() : now.address(kind);
            if (!receiving.contains(channel.code()) && channel.receiving()) {
                subscribers.optOut(kind, address);
            } else if (receiving.contains(channel.code()) && !channel.receiving()) {
                subscribers.optIn(kind, address, List.of());
            }
        }
        redirect.addFlashAttribute("notice", "订阅已保存，下一次推送起生效");
        return "redirect:" + PATH;
    }

    private static List<Channel> channels(Optional<Subscriber> subscriber, String phone) {
        List<Channel> channels = new ArrayList<>();
        for (ChannelKind kind : ChannelKind.values()) {
            String address = kind == ChannelKind.SMS ? phone : subscriber.map(s -> s.address(kind)).orElse(null);
            if (address != null) {
                channels.add(new Channel(kind.code(), label(kind), subscriber.map(s -> s.reachableOn(kind)).orElse(true)));
            }
        }
        return channels;
    }

    private static String label(ChannelKind kind) {
        return switch (kind) {
            case SMS -> "短信";
            case WECHAT -> "微信公众号";
            case APP -> "手机应用";
            case WEIBO -> "微博";
        };
    }
}
