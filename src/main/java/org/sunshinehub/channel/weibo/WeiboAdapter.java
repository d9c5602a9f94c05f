package org.sunshinehub.channel.weibo;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.audience.Recipient;
import org.sunshinehub.dispatch.ChannelAdapter;
import org.sunshinehub.dispatch.ChannelAlerts;
import org.sunshinehub.dispatch.OutboundBatch;
import org.sunshinehub.dispatch.OutboundMessage;
import org.sunshinehub.dispatch.RecallOutcome;
import org.sunshinehub.dispatch.SendOutcome;
import org.sunshinehub.dispatch.Throttle;

/**
 * Posts an item once per Weibo account ({@code 2/statuses/share}). Posts beyond an account's hourly limit wait
 * for the next slot; an expired token flags the account (an alert on the overview) and its posts wait. The
 * post's {@code idstr} is kept on the delivery and in {@code weiboPosts}, so comments find the item, and a recall
 * deletes the post by it.
 */
@Component
@Conditional(OnWeiboAccounts.class)
class WeiboAdapter implements ChannelAdapter {

    static final String RECIPIENT_PREFIX = "weibo-account:";

    private final WeiboProperties properties;
    private final WeiboApi api;
    private final WeiboPosts posts;
    private final ChannelAlerts alerts;
    private final Clock clock;
    private final java.util.Map<String, Object> locks = new java.util.concurrent.ConcurrentHashMap<>();

    WeiboAdapter(WeiboProperties properties, WeiboApi api, WeiboPosts posts, ChannelAlerts alerts, Clock clock) {
        this.properties = properties;
        this.api = api;
        this.posts = posts;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WEIBO;
    }

    @Override
    public List<Recipient> broadcastAudience() {
        return properties.accounts().keySet().stream().sorted().map(name -> new Recipient(RECIPIENT_PREFIX + name, name))
                .toList();
    }

    @Override
    public List<SendOutcome> send(OutboundBatch batch, Throttle throttle) {
        List<SendOutcome> outcomes = new ArrayList<>();
        for (OutboundMessage message : batch.messages()) {
            outcomes.add(post(batch.itemId(), message, throttle));
        }
        return outcomes;
    }

    private SendOutcome post(String itemId, OutboundMessage message, Throttle throttle) {
        String name = message.address();
        WeiboProperties.Account account = properties.accounts().get(name);
        if (account == null) {
            return SendOutcome.permanent("微博账号 " + name + " 已不在配置中");
        }
        // One post at a time per account here; across instances the slot taken in the store keeps the count.
        synchronized (postingLock(name)) {
            return postPaced(itemId, name, account, message, throttle);
        }
    }

    private Object postingLock(String account) {
        return locks.computeIfAbsent(account, a -> new Object());
    }

    private SendOutcome postPaced(String itemId, String name, WeiboProperties.Account account, OutboundMessage message,
                                  Throttle throttle) {
        String status;
        try {
            status = WeiboText.compose(message.content(), account.safeDomain());
        } catch (IllegalArgumentException e) {
            return SendOutcome.permanent(e.getMessage());
        }
        Instant now = clock.instant();
        Optional<Instant> nextSlot = posts.takeSlot(name, account.postsPerHour(), now);
        if (nextSlot.isPresent()) {
            return SendOutcome.holdUntil("已达每小时 " + account.postsPerHour() + " 条的发布上限", nextSlot.get());
        }
        throttle.forAccount(name).acquire();
        WeiboApi.Answer answer;
        try {
            answer = api.share(account, status);
        } catch (IOException e) {
            return SendOutcome.retry("微博无应答: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.retry("interrupted");
        }
        if (answer.ok()) {
            // idstr, else mid; not the numeric id, which Weibo's own sample shows rounded
            String idstr = WeiboIds.of(answer.body(), "idstr", "mid");
            if (idstr == null) {
                return SendOutcome.retry("微博应答缺少 idstr");
            }
            posts.posted(name, idstr, itemId, clock.instant());
            alerts.clear(source(name));
            return SendOutcome.accepted(idstr);
        }
        // Refused: not a post, so not one of the hour's (no answer at all keeps the slot: it may have gone out).
        posts.releaseSlot(name, now);
        int code = answer.errorCode();
        return switch (WeiboErrors.of(code)) {
            case RETRY -> SendOutcome.retry("微博错误 " + code);
            case RATE_LIMITED -> SendOutcome.holdUntil("微博限流 (" + code + ")", now.plus(Duration.ofHours(1)));
            case TOKEN -> {
                alerts.raise(source(name), "微博账号 " + name + " 的授权已失效 (" + code + ")，请重新授权并更新 access-token");
                yield SendOutcome.hold("微博授权失效 (" + code + ")");
            }
            case REPEATED -> SendOutcome.permanent("微博判定为重复内容 (" + code + ")");
            case PERMANENT -> SendOutcome.permanent("微博错误 " + code);
        };
    }

    /** Deletes the post ({@code 2/statuses/destroy}); the delivery's address names the account it was posted from. */
    @Override
    public RecallOutcome recall(String postId, String accountName, Throttle throttle) {
        WeiboProperties.Account account = properties.accounts().get(accountName);
        if (account == null) {
            return RecallOutcome.failed("微博账号 " + accountName + " 已不在配置中");
        }
        throttle.forAccount(accountName).acquire();
        try {
            WeiboApi.Answer answer = api.destroy(account, postId);
            return answer.ok() || answer.errorCode() == WeiboErrors.NO_SUCH_POST ? RecallOutcome.withdrawn()
                    : RecallOutcome.failed("微博错误 " + answer.errorCode());
        } catch (IOException e) {
            return RecallOutcome.failed("微博无应答: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RecallOutcome.failed("interrupted");
        }
    }

    static String source(String account) {
        return "weibo:" + account;
    }
}
