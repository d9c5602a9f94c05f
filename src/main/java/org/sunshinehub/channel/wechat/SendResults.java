package org.sunshinehub.channel.wechat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunshinehub.dispatch.DeliveryReceipts;
import org.sunshinehub.dispatch.Receipt;

/**
 * WeChat's word on sends: TEMPLATESENDJOBFINISH sets the delivery's state ({@code success} → DELIVERED,
 * {@code failed:user block} → REFUSED, any other {@code failed…} → FAILED); MASSSENDJOBFINISH keeps the counts
 * on the batch, whence the plan's statistics. Both are notifications: nothing is sent from here.
 */
@Component
class SendResults {

    private static final Logger log = LoggerFactory.getLogger(SendResults.class);
    /** Well inside the 5 s WeChat waits for an answer. */
    private static final Duration RECORD_WAIT = Duration.ofSeconds(2);

    private final SentMessages sent;
    private final DeliveryReceipts receipts;

    SendResults(SentMessages sent, DeliveryReceipts receipts) {
        this.sent = sent;
        this.receipts = receipts;
    }

    void templateFinished(String account, InboundMessage message) {
        Optional<Document> send = message.msgId() == null ? Optional.empty() : recorded(account, message.msgId());
        if (send.isEmpty()) {
            log.warn("TEMPLATESENDJOBFINISH for unknown msgid {} ignored", message.msgId());
            return;
        }
        String status = Optional.ofNullable(message.field("Status")).orElse("");
        receipts.apply(List.of(new Receipt(send.get().getString("batchId"), send.get().getString("openId"),
                outcome(status), status)));
    }

    /**
     * The send as recorded, waiting a little for it: the hub records a send when WeChat's API has answered it, and
     * the finish event can come back before that record is written.
     */
    private Optional<Document> recorded(String account, long msgId) {
        long until = System.nanoTime() + RECORD_WAIT.toNanos();
        Optional<Document> send = sent.find(account, msgId);
        while (send.isEmpty() && System.nanoTime() - until < 0) {
            try {
                Thread.sleep(RECORD_WAIT.toMillis() / 40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            send = sent.find(account, msgId);
        }
        return send;
    }

    static Receipt.Outcome outcome(String status) {
        String s = status.strip().toLowerCase(Locale.ROOT);
        if (s.equals("success")) {
            return Receipt.Outcome.DELIVERED;
        }
        return s.replace(" ", "").equals("failed:userblock") ? Receipt.Outcome.REFUSED : Receipt.Outcome.FAILED;
    }

    void massFinished(String account, InboundMessage message) {
        Optional<Document> send = message.msgId() == null ? Optional.empty() : recorded(account, message.msgId());
        if (send.isEmpty()) {
            log.warn("MASSSENDJOBFINISH for unknown msg_id {} ignored", message.msgId());
            return;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", message.field("Status"));
        for (String count : List.of("TotalCount", "FilterCount", "SentCount", "ErrorCount")) {
            result.put(Character.toLowerCase(count.charAt(0)) + count.substring(1), number(message.field(count)));
        }
        sent.recordMassResult(account, message.msgId(), result);
        receipts.applyBroadcast(send.get().getString("batchId"), result);
    }

    private static long number(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
