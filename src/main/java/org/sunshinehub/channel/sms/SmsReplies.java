package org.sunshinehub.channel.sms;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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

    /**
     * One SmsUp push, in order: commands and unsubscribe words are taken as they come; the other replies become
     * feedback together, with one lookup of who wrote them and one batch of writes for the whole push.
     */
    void acceptAll(List<JsonNode> messages) {
        List<Reply> replies = new ArrayList<>();
        Map<String, Optional<String>> itemsByCode = new HashMap<>();
        Set<String> leaving = new HashSet<>();
        for (JsonNode message : messages) {
            reply(message, itemsByCode, leaving).ifPresent(replies::add);
        }
        List<Optional<String>> writers = subscribers.idsOf(ChannelKind.SMS, replies.stream().map(Reply::phone).toList());
        Instant now = clock.instant();
        List<Feedback> notes = new ArrayList<>(replies.size());
        for (int i = 0; i < replies.size(); i++) {
            Reply r = replies.get(i);
            notes.add(new Feedback(r.key(), r.itemId(), ChannelKind.SMS.code(), writers.get(i).orElse(null), r.phone(),
                    r.content(), r.sentAt(), now));
        }
        List<FeedbackInbox.Recorded> recorded = feedback.recordAll(notes);
        for (int i = 0; i < replies.size(); i++) {
            if (recorded.get(i).outcome() == FeedbackInbox.Outcome.REFUSED) {
                refused(replies.get(i), recorded.get(i).reason(), leaving.contains(replies.get(i).phone()));
            }
        }
    }

    /**
     * A reply to keep as feedback; empty when it was malformed, a command or an unsubscribe word (done here).
     *
     * @param leaving phones that sent an unsubscribe word in this push, this one added if it does
     */
    private Optional<Reply> reply(JsonNode message, Map<String, Optional<String>> itemsByCode, Set<String> leaving) {
        String phone = PhoneNumbers.normalise(SmsFields.text(message, "phone_number")).orElse(null);
        String content = SmsFields.text(message, "content");
        if (phone == null || content == null) {
            log.warn("SMS up-message without a valid phone_number or content skipped");
            return Optional.empty();
        }
        if (commands.handle(ChannelKind.SMS.code(), phone, content)) {
            return Optional.empty();
        }
        if (unsubscribeWords.contains(content.toUpperCase(Locale.ROOT))) {
            leaving.add(phone);
            Optional<Subscriber> subscriber = subscribers.optOut(ChannelKind.SMS, phone);
            log.info("SMS opt-out from {}{}", PhoneNumbers.mask(phone), subscriber.isEmpty() ? " (not a subscriber)" : "");
            return Optional.empty();
        }
        String destCode = SmsFields.text(message, "dest_code");
        String itemId = destCode == null ? null
                : itemsByCode.computeIfAbsent(destCode, dispatcher::itemForReplyCode).orElse(null);
        String sequence = SmsFields.text(message, "sequence_id");
        String key = "sms:" + phone + ":" + (sequence != null ? sequence
                : SmsFields.text(message, "send_time") + ":" + Integer.toHexString(content.hashCode()));
        return Optional.of(new Reply(key, phone, content, itemId, SmsFields.time(message, "send_time")));
    }

    /** @param optedOut the phone unsubscribed in the same push: it is told nothing more */
    private void refused(Reply r, String reason, boolean optedOut) {
        if (!optedOut) {
            items.findById(r.itemId()).ifPresent(item -> dispatcher.sendNotice(ChannelKind.SMS, r.phone(), item,
                    "feedback-refused", Map.of("notice", Map.of("reason", reason)), r.key()));
        }
        log.info("SMS reply from {} refused: {}{}", PhoneNumbers.mask(r.phone()), reason,
                optedOut ? " (not told: it unsubscribed in the same push)" : "");
    }

    private record Reply(String key, String phone, String content, String itemId, Instant sentAt) {
    }
}
