package org.sunshinehub.channel.wechat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.audience.Subscriber;
import org.sunshinehub.audience.SubscriberDirectory;

/**
 * Follows, unfollows and topic choices: menu CLICK keys ({@code TOPIC_<topic>}, {@code MY_TOPICS}) and text
 * commands ("订阅 养老", "退订 养老", "我的订阅", a bare "退订"). Every answer lists the current topics.
 */
@Component
class TopicChoices {

    static final String TOPIC_KEY_PREFIX = "TOPIC_";
    static final String MY_TOPICS_KEY = "MY_TOPICS";
    private static final Logger log = LoggerFactory.getLogger(TopicChoices.class);
    private static final Pattern COMMAND = Pattern.compile("^(订阅|取消订阅|退订)\\s*(\\S{1,50})?$");
    private static final Set<String> STOP_WORDS = Set.of("TD", "T", "N");

    private final SubscriberDirectory subscribers;
    private final Followers followers;

    TopicChoices(SubscriberDirectory subscribers, Followers followers) {
        this.subscribers = subscribers;
        this.followers = followers;
    }

    String followed(WechatProperties.Account account, String openId) {
        Subscriber s = subscribers.optIn(ChannelKind.WECHAT, openId, account.defaultTopics());
        log.info("WeChat follow by subscriber {}", s.id());
        return account.welcome() + "\n" + describe(s.topics());
    }

    void unfollowed(String openId) {
        subscribers.optOut(ChannelKind.WECHAT, openId);
        followers.forget(openId);
    }

    /** @return the answer to a menu click, or empty when the key is not a topic key */
    Optional<String> clicked(String openId, String key) {
        if (MY_TOPICS_KEY.equals(key)) {
            return Optional.of(describe(topicsOf(openId)));
        }
        if (key != null && key.startsWith(TOPIC_KEY_PREFIX) && key.length() > TOPIC_KEY_PREFIX.length()) {
            return Optional.of(add(openId, key.substring(TOPIC_KEY_PREFIX.length())));
        }
        return Optional.empty();
    }

    /** @return the answer to a text command, or empty when the text is not one (it is then feedback) */
    Optional<String> command(String openId, String text) {
        String t = text.strip();
        if ("我的订阅".equals(t)) {
            return Optional.of(describe(topicsOf(openId)));
        }
        if (STOP_WORDS.contains(t.toUpperCase(java.util.Locale.ROOT)) || "退订".equals(t)) {
            subscribers.optOut(ChannelKind.WECHAT, openId);
            return Optional.of("已为您停止推送。回复“订阅”可恢复。");
        }
        Matcher m = COMMAND.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        String topic = m.group(2);
        if ("订阅".equals(m.group(1))) {
            return Optional.of(topic == null ? resume(openId) : add(openId, topic));
        }
        if (topic == null) {
            return Optional.empty();
        }
        List<String> left = subscribers.dropTopics(ChannelKind.WECHAT, openId, Set.of(topic))
                .map(Subscriber::topics).orElse(List.of());
        return Optional.of("已取消订阅「" + topic + "」。\n" + describe(left));
    }

    private String add(String openId, String topic) {
        Subscriber s = subscribers.optIn(ChannelKind.WECHAT, openId, List.of(topic));
        return "已订阅「" + topic + "」。\n" + describe(s.topics());
    }

    private String resume(String openId) {
        Subscriber s = subscribers.optIn(ChannelKind.WECHAT, openId, List.of());
        return "已恢复推送。\n" + describe(s.topics());
    }

    private List<String> topicsOf(String openId) {
        return subscribers.findByAddress(ChannelKind.WECHAT, openId).map(Subscriber::topics).orElse(List.of());
    }

    static String describe(List<String> topics) {
        return (topics.isEmpty() ? "您尚未订阅任何话题。" : "您当前订阅的话题：" + String.join("、", topics) + "。")
                + "回复“订阅 话题”增加，“退订 话题”取消。";
    }
}
