package org.sunshinehub.channel.wechat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/** Verifies, stores, handles and answers callbacks, once each. */
@Service
class WechatCallbacks {

    private static final Logger log = LoggerFactory.getLogger(WechatCallbacks.class);

    private final Map<String, AccountCallback> accounts = new LinkedHashMap<>();
    private final CallbackInbox inbox;
    private final CallbackNonces nonces;
    private final Conversation conversation;
    private final Clock clock;

    WechatCallbacks(WechatProperties properties, CallbackInbox inbox, CallbackNonces nonces, Conversation conversation,
                    Clock clock) {
        properties.accounts().forEach((name, account) -> accounts.put(name, new AccountCallback(account)));
        this.inbox = inbox;
        this.nonces = nonces;
        this.conversation = conversation;
        this.clock = clock;
    }

    Optional<AccountCallback> account(String name) {
        return Optional.ofNullable(accounts.get(name));
    }

    /**
     * @throws CallbackRejected when the callback is not WeChat's, is not well-formed, or reuses the timestamp and
     *                          nonce of another message
     */
    String handle(String name, AccountCallback account, AccountCallback.Query query, String body) {
        AccountCallback.Opened opened = account.open(query, body);
        // An encrypted callback's msg_signature covers its body, so a captured signature cannot carry another one:
        // only plain bodies need the nonce record (a durable write less per callback in safe mode).
        if (!opened.encrypted() && !nonces.admit(name, query.timestamp(), query.nonce(), body)) {
            throw new CallbackRejected(CallbackRejected.Why.SIGNATURE, "timestamp 与 nonce 已用于另一条消息");
        }
        InboundMessage m = opened.message();
        String id = CallbackInbox.id(name, m);
        if (!inbox.store(name, m, clock.instant())) {
            log.debug("Repeated WeChat {} callback answered as before", m.event() == null ? m.msgType() : m.event());
            return account.answer(opened, inbox.firstReply(id).orElse(null), clock.instant());
        }
        String reply = conversation.handle(name, account.account(), m).orElse(null);
        inbox.done(id, reply);
        return account.answer(opened, reply, clock.instant());
    }

    /** Handles what was stored but not handled before the hub last stopped; the answers are gone with the requests. */
    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        for (Document stored : inbox.unfinished()) {
            AccountCallback account = accounts.get(stored.getString("account"));
            if (account == null) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            stored.get("fields", Document.class).forEach((k, v) -> fields.put(k, String.valueOf(v)));
            try {
                InboundMessage m = InboundMessage.of(fields);
                inbox.done(stored.getString("_id"),
                        conversation.handle(stored.getString("account"), account.account(), m).orElse(null));
            } catch (RuntimeException e) {
                log.warn("Stored WeChat callback {} could not be handled: {}", stored.getString("_id"), e.toString());
            }
        }
    }
}
