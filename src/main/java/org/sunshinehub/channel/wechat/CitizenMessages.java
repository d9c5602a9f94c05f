package org.sunshinehub.channel.wechat;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.audience.SubscriberDirectory;
import org.sunshinehub.dispatch.Dispatcher;
import org.sunshinehub.feedback.Feedback;
import org.sunshinehub.feedback.FeedbackInbox;
import org.sunshinehub.feedback.ReplyCommands;

/**
 * A citizen's text message: first offered to the reply commands (e.g. a division acknowledging a task), then
 * taken as Feedback on the item it answers — the one whose reply code it starts with ("#1234 …"), else the
 * latest item pushed to the sender within the feedback window, else none.
 */
@Component
class CitizenMessages {

    static final String COMMAND_DONE = "已收到，已为您办理。";
    private static final Logger log = LoggerFactory.getLogger(CitizenMessages.class);
    private static final Pattern REPLY_CODE = Pattern.compile("^[#＃](\\d{1,12})\\s*(.*)$", Pattern.DOTALL);

    private final ReplyCommands commands;
    private final Dispatcher dispatcher;
    private final Followers followers;
    private final FeedbackInbox feedback;
    private final SubscriberDirectory subscribers;
    private final WechatProperties properties;
    private final Clock clock;

    CitizenMessages(ReplyCommands commands, Dispatcher dispatcher, Followers followers, FeedbackInbox feedback,
                    SubscriberDirectory subscribers, WechatProperties properties, Clock clock) {
        this.commands = commands;
        this.dispatcher = dispatcher;
        this.followers = followers;
        this.feedback = feedback;
        this.subscribers = subscribers;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return the passive reply: the account's acknowledgement, or why the message was not taken */
    String accept(String accountName, WechatProperties.Account account, InboundMessage message, String text) {
        String openId = message.fromUser();
        if (commands.handle(ChannelKind.WECHAT.code(), openId, text)) {
            return COMMAND_DONE;
        }
        Instant now = clock.instant();
        String body = text;
        Optional<String> itemId;
        Matcher coded = REPLY_CODE.matcher(text.strip());
        if (coded.matches()) {
            itemId = dispatcher.itemForReplyCode(coded.group(1));
            body = coded.group(2).isBlank() ? text : coded.group(2);
        } else {
            itemId = followers.lastPushedSince(openId, now.minus(properties.feedbackWindow()));
        }
        FeedbackInbox.Recorded recorded = feedback.record(new Feedback(
                "wechat:" + accountName + ":" + message.dedupeKey(), itemId.orElse(null), ChannelKind.WECHAT.code(),
                subscribers.idOf(ChannelKind.WECHAT, openId).orElse(null), openId,
                body.strip(), Instant.ofEpochSecond(message.createTime()), now));
        if (recorded.outcome() == FeedbackInbox.Outcome.REFUSED) {
            log.info("WeChat message on item {} refused: {}", itemId.orElse(null), recorded.reason());
            return recorded.reason();
        }
        return account.acknowledgement();
    }
}
