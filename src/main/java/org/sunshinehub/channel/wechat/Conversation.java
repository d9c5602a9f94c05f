package org.sunshinehub.channel.wechat;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What each kind of callback means to the hub; returns the passive reply's text, if any. */
@Component
class Conversation {

    private static final Logger log = LoggerFactory.getLogger(Conversation.class);

    private final TopicChoices topics;
    private final CitizenMessages messages;
    private final SendResults results;
    private final Followers followers;
    private final Clock clock;

    Conversation(TopicChoices topics, CitizenMessages messages, SendResults results, Followers followers, Clock clock) {
        this.topics = topics;
        this.messages = messages;
        this.results = results;
        this.followers = followers;
        this.clock = clock;
    }

    Optional<String> handle(String accountName, WechatProperties.Account account, InboundMessage m) {
        String openId = m.fromUser();
        if (m.event() == null || m.isEvent("subscribe") || m.isEvent("SCAN") || m.isEvent("CLICK")) {
            // what opens WeChat's window for customer-service answers
            followers.wrote(accountName, openId, clock.instant());
        }
        if (m.event() != null) {
            return switch (m.event()) {
                case "subscribe", "SCAN" -> Optional.of(topics.followed(account, openId));
                case "unsubscribe" -> {
                    topics.unfollowed(openId);
                    yield Optional.empty();
                }
                case "CLICK" -> topics.clicked(openId, m.field("EventKey"));
                case "TEMPLATESENDJOBFINISH" -> {
                    results.templateFinished(accountName, m);
                    yield Optional.empty();
                }
                case "MASSSENDJOBFINISH" -> {
                    results.massFinished(accountName, m);
                    yield Optional.empty();
                }
                default -> {
                    log.info("WeChat event {} on {} not handled", m.event(), accountName);
                    yield Optional.empty();
                }
            };
        }
        if (!"text".equals(m.msgType())) {
            log.info("WeChat {} message on {} not handled", m.msgType(), accountName);
            return Optional.empty();
        }
        String text = Optional.ofNullable(m.field("Content")).orElse("");
        if (text.isBlank()) {
            return Optional.empty();
        }
        return topics.command(openId, text).or(() -> Optional.of(messages.accept(accountName, account, m, text)));
    }
}
