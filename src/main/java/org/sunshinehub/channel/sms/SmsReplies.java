package org.sunshinehub.channel.sms;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.audience.PhoneNumbers;
import org.sunshinehub.audience.Subscriber;
import org.sunshinehub.audience.SubscriberDirectory;
import org.sunshinehub.content.ItemRepository;
import org.sunshinehub.dispatch.Dispatcher;
import org.sunshinehub.feedback.Feedback;
import org.sunshinehub.feedback.FeedbackInbox;
import org.sunshinehub.feedback.ReplyCommands;

/**
 * A citizen's SMS reply (SmsUp): an unsubscribe word opts the phone out of SMS at once; any other text becomes
 * Feedback on the item whose push carried the reply's {@code dest_code}.
 */
@Component
class SmsReplies {

    private static final Logger log = LoggerFactory.getLogger(SmsReplies.class);

    private final SubscriberDirectory subscribers;
    private final Dispatcher dispatcher;
    private final FeedbackInbox feedback;
    private final Set<String> unsubscribeWords;
    private final Clock clock;
    private final ItemRepository items;
    private final ReplyCommands commands;

    SmsReplies(SubscriberDirectory subscribers, Dispatcher dispatcher, FeedbackInbox feedback, SmsProperties properties,
               Clock clock, ItemRepository items, ReplyCommands commands) {
        this.items = items;
        this.commands = commands;
        this.subscribers = subscribers;
        this.dispatcher = dispatcher;
        this.feedback = feedback;
        this.unsubscribeWords = properties.unsubscribeWords().stream().map(w -> w.strip().toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
        this.clock = clock;
    }

    void accept(JsonNode message) {
        String phone = PhoneNumbers.normalise(SmsFields.text(message, "phone_number")).orElse(null);
        String content = SmsFields.text(message, "content");
        if (phone == null || content == null) {
            log.warn("SMS up-message without a valid phone_number or content skipped");
            return;
        }
        if (commands.handle(ChannelKind.SMS.code(), phone, content)) {
            return;
        }
        if (unsubscribeWords.contains(content.toUpperCase(Locale.ROOT))) {
            Optional<Subscriber> subscriber = subscribers.optOut(ChannelKind.SMS, phone);
            log.info("SMS opt-out from {}{}", PhoneNumbers.mask(phone), subscriber.isEmpty() ? " (not a subscriber)" : "");
            return;
        }
        String destCode = SmsFields.text(message, "dest_code");
        String itemId = destCode == null ? null : dispatcher.itemForReplyCode(destCode).orElse(null);
        String sequence = SmsFields.text(message, "sequence_id");
        String key = "sms:" + phone + ":" + (sequence != null ? sequence
                : SmsFields.text(message, "send_time") + ":" + Integer.toHexString(content.hashCode()));
        FeedbackInbox.Recorded recorded = feedback.record(new Feedback(key, itemId, ChannelKind.SMS.code(),
                subscribers.findByAddress(ChannelKind.SMS, phone).map(Subscriber::id).orElse(null), phone, content,
                SmsFields.time(message, "send_time"), clock.instant()));
        if (recorded.outcome() == FeedbackInbox.Outcome.REFUSED) {
            items.findById(itemId).ifPresent(item -> dispatcher.sendNotice(ChannelKind.SMS, phone, item, "feedback-refused",
                    Map.of("notice", Map.of("reason", recorded.reason())), key));
            log.info("SMS reply from {} refused: {}", PhoneNumbers.mask(phone), recorded.reason());
        }
    }
}
