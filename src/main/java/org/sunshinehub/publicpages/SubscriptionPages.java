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
import org.sunshinehub.audience.Subscriber;
import org.sunshinehub.audience.SubscriberDirectory;
import org.sunshinehub.channel.wechat.WechatWebAuthorization;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.content.PublicLinks;

/**
 * 我的订阅: the verified citizen's (phone's or WeChat follower's) topics and channels. Topics are chosen from the office's list (and those one already
 * has); each channel the citizen is known on can be refused or taken again, effective for the next push.
 */
@Controller
@PublicPage
class SubscriptionPages {

    static final String PATH = PublicLinks.ROOT + "/subscriptions";

    private final SubscriberDirectory subscribers;
    private final PublicPageProperties properties;
    private final PublicLimits limits;
    private final WechatWebAuthorization wechat;

    SubscriptionPages(SubscriberDirectory subscribers, PublicPageProperties properties, PublicLimits limits,
                      WechatWebAuthorization wechat) {
        this.wechat = wechat;
        this.subscribers = subscribers;
        this.properties = properties;
        this.limits = limits;
    }

    /** One channel the citizen is known on, and whether it is used. */
    record Channel(String code, String label, boolean receiving) {
    }

    @GetMapping(PATH)
    String page(HttpServletRequest request, Model model) {
        Optional<CitizenSession.Identity> citizen = CitizenSession.current(request);
        model.addAttribute("citizen", citizen.map(CitizenSession.Identity::masked).orElse(null));
        model.addAttribute("wechat", wechat.available());
        citizen.ifPresent(c -> {
            Optional<Subscriber> subscriber = subscribers.findByAddress(c.channel(), c.address());
            List<String> current = subscriber.map(Subscriber::topics).orElse(List.of());
            Set<String> offered = new LinkedHashSet<>(properties.topics());
            offered.addAll(current);
            model.addAttribute("topics", List.copyOf(offered));
            model.addAttribute("current", current);
            model.addAttribute("channels", channels(subscriber, c));
        });
        return "public/subscriptions";
    }

    @PostMapping(PATH)
    String save(@RequestParam(required = false) List<String> topics, @RequestParam(required = false) List<String> channels,
                HttpServletRequest request, RedirectAttributes redirect) {
        limits.byAddress(PublicLimits.Action.SUBSCRIBE, request);
        Optional<CitizenSession.Identity> current = CitizenSession.current(request);
        if (current.isEmpty()) {
            redirect.addFlashAttribute("problem", "请先验证身份");
            return "redirect:" + PATH;
        }
        CitizenSession.Identity citizen = current.get();
        Set<String> chosen = new LinkedHashSet<>(topics == null ? List.of() : topics);
        Set<String> receiving = new LinkedHashSet<>(channels == null ? List.of() : channels);
        Optional<Subscriber> before = subscribers.findByAddress(citizen.channel(), citizen.address());
        Set<String> dropped = new LinkedHashSet<>(before.map(Subscriber::topics).orElse(List.of()));
        dropped.removeAll(chosen);
        // Taking topics through the identity re-activates its channel; a refusal of it below comes after and wins.
        subscribers.optIn(citizen.channel(), citizen.address(), List.copyOf(chosen));
        if (!dropped.isEmpty()) {
            subscribers.dropTopics(citizen.channel(), citizen.address(), dropped);
        }
        Subscriber now = subscribers.findByAddress(citizen.channel(), citizen.address()).orElseThrow();
        for (Channel channel : channels(Optional.of(now), citizen)) {
            ChannelKind kind = ChannelKind.of(channel.code());
            String address = kind == citizen.channel() ? citizen.address() : now.address(kind);
            if (!receiving.contains(channel.code()) && channel.receiving()) {
                subscribers.optOut(kind, address);
            } else if (receiving.contains(channel.code()) && !channel.receiving()) {
                subscribers.optIn(kind, address, List.of());
            }
        }
        redirect.addFlashAttribute("notice", "订阅已保存，下一次推送起生效");
        return "redirect:" + PATH;
    }

    private static List<Channel> channels(Optional<Subscriber> subscriber, CitizenSession.Identity citizen) {
        List<Channel> channels = new ArrayList<>();
        for (ChannelKind kind : ChannelKind.values()) {
            String address = kind == citizen.channel() ? citizen.address() : subscriber.map(s -> s.address(kind)).orElse(null);
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
