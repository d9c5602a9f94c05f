package org.sunshinehub.channel.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.WxMpMassOpenIdsMessage;
import me.chanjar.weixin.mp.bean.result.WxMpMassSendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.audience.SubscriberDirectory;
import org.sunshinehub.dispatch.ChannelAdapter;
import org.sunshinehub.dispatch.OutboundBatch;
import org.sunshinehub.dispatch.OutboundMessage;
import org.sunshinehub.dispatch.RecallOutcome;
import org.sunshinehub.dispatch.SendOutcome;
import org.sunshinehub.dispatch.Throttle;

/**
 * Pushes on WeChat through the push account: a template message (模板消息) per follower, its {@code msgid}
 * recorded at once so the TEMPLATESENDJOBFINISH event finds its delivery; or, for a broadcast plan, one mass send
 * (群发) to the batch's openids that have mass sends left ({@link MassAllowance}). {@code client_msg_id} is
 * derived from the delivery, so WeChat drops a resend within its 10-minute window.
 */
@Component
@org.springframework.context.annotation.Conditional(OnWechatAccounts.class)
class WechatChannelAdapter implements ChannelAdapter {

    /** WeChat's mass send takes 2 to 10,000 openids. */
    static final int MASS_MAX = 10_000;
    private static final Logger log = LoggerFactory.getLogger(WechatChannelAdapter.class);

    private final WechatApi api;
    private final WechatProperties properties;
    private final SentMessages sent;
    private final Followers followers;
    private final SubscriberDirectory subscribers;
    private final Clock clock;
    private final MassAllowance allowance;

    WechatChannelAdapter(WechatApi api, WechatProperties properties, SentMessages sent, Followers followers,
                         SubscriberDirectory subscribers, Clock clock, MassAllowance allowance) {
        this.allowance = allowance;
        this.api = api;
        this.properties = properties;
        this.sent = sent;
        this.followers = followers;
        this.subscribers = subscribers;
        this.clock = clock;
    }

    @Override
    public boolean reportsDelivery() {
        return true;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WECHAT;
    }

    @Override
    public List<SendOutcome> send(OutboundBatch batch, Throttle throttle) {
        String accountName = api.pushAccount().orElse(null);
        if (accountName == null) {
            return all(batch, SendOutcome.permanent("未指定推送公众号 sunshine.wechat.push-account"));
        }
        WxMpService service = api.service(accountName).orElseThrow();
        if (batch.broadcast()) {
            return broadcast(accountName, service, batch, throttle);
        }
        return templates(accountName, service, batch, batch.messages(), throttle);
    }

    /**
     * Followers with mass sends left this month get one mass send (WeChat wants 2 to 10,000 of them); the others
     * get a template message instead, for WeChat would silently drop a mass send over their allowance. Both are
     * service-account (服务号) APIs.
     */
    private List<SendOutcome> broadcast(String accountName, WxMpService service, OutboundBatch batch, Throttle throttle) {
        List<OutboundMessage> messages = batch.messages();
        if (messages.size() < 2 || messages.size() > MASS_MAX) {
            return templates(accountName, service, batch, messages, throttle);
        }
        Instant now = clock.instant();
        Set<Integer> spent = allowance.admit(accountName, messages.stream().map(OutboundMessage::address).toList(),
                batch.itemId(), now);
        List<Integer> massed = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            (spent.contains(i) ? others : massed).add(i);
        }
        if (massed.size() == 1) {
            allowance.release(accountName, messages.get(massed.get(0)).address(), batch.itemId(), now);
            others.addAll(massed);
            massed.clear();
        }
        SendOutcome[] outcomes = new SendOutcome[messages.size()];
        if (!massed.isEmpty()) {
            SendOutcome mass = massSend(accountName, service, batch, pick(messages, massed), throttle);
            massed.forEach(i -> outcomes[i] = mass);
        }
        List<SendOutcome> each = templates(accountName, service, batch, pick(messages, others), throttle);
        for (int j = 0; j < others.size(); j++) {
            outcomes[others.get(j)] = each.get(j);
        }
        return List.of(outcomes);
    }

    private static List<OutboundMessage> pick(List<OutboundMessage> messages, List<Integer> positions) {
        return positions.stream().map(messages::get).toList();
    }

    private List<SendOutcome> templates(String accountName, WxMpService service, OutboundBatch batch,
                                        List<OutboundMessage> messages, Throttle throttle) {
        String templateId = templateId(accountName, batch.template());
        if (templateId == null) {
            return messages.stream().map(m -> SendOutcome.permanent("公众号未配置模板 " + batch.template())).toList();
        }
        List<SendOutcome> outcomes = new ArrayList<>(messages.size());
        SendOutcome backOff = null;
        for (OutboundMessage message : messages) {
            if (backOff != null) {
                outcomes.add(backOff);
                continue;
            }
            try {
                outcomes.add(sendTemplate(accountName, service, batch, message, templateId, throttle));
            } catch (WxErrorException e) {
                int code = e.getError().getErrorCode();
                SendOutcome outcome = failed(code, message.address());
                outcomes.add(outcome);
                if (WechatErrors.of(code) == WechatErrors.Action.BACK_OFF) {
                    backOff = outcome;
                }
            }
        }
        return outcomes;
    }

    /** @throws WxErrorException WeChat's answer to this message, for the caller to classify */
    private SendOutcome sendTemplate(String accountName, WxMpService service, OutboundBatch batch,
                                     OutboundMessage message, String templateId, Throttle throttle)
            throws WxErrorException {
        String openId = message.address();
        perApi(throttle, accountName, "template/send").acquire();
        try {
            String msgId = service.getTemplateMsgService().sendTemplateMsg(TemplateContent.parse(message.content())
                    .toMessage(openId, templateId, clientMsgId(message.deliveryId())));
            Instant now = clock.instant();
            sent.recordTemplate(new SentMessages.Sent(accountName, Long.parseLong(msgId), batch.batchId(), openId), now);
            followers.pushed(List.of(openId), batch.itemId(), now);
            return SendOutcome.accepted(msgId);
        } catch (RuntimeException e) {
            return SendOutcome.retry(e.getClass().getSimpleName());
        }
    }

    private SendOutcome massSend(String accountName, WxMpService service, OutboundBatch batch,
                                 List<OutboundMessage> messages, Throttle throttle) {
        WxMpMassOpenIdsMessage mass = new WxMpMassOpenIdsMessage();
        mass.setMsgType(me.chanjar.weixin.common.api.WxConsts.MassMsgType.TEXT);
        mass.setContent(TemplateContent.parse(messages.get(0).content()).text());
        mass.setClientMsgId(clientMsgId(batch.batchId()));
        List<String> openIds = messages.stream().map(OutboundMessage::address).toList();
        mass.setToUsers(new ArrayList<>(openIds));
        perApi(throttle, accountName, "mass/send").acquire();
        try {
            WxMpMassSendResult result = service.getMassMessageService().massOpenIdsMessageSend(mass);
            Instant now = clock.instant();
            sent.recordMass(accountName, Long.parseLong(result.getMsgId()), batch.batchId(), openIds.size(), now);
            followers.pushed(openIds, batch.itemId(), now);
            return SendOutcome.accepted(result.getMsgId());
        } catch (WxErrorException e) {
            return outcomeOf(e.getError().getErrorCode());
        } catch (RuntimeException e) {
            return SendOutcome.retry(e.getClass().getSimpleName());
        }
    }

    /**
     * Deletes a mass send ({@code message/mass/delete}, every article: {@code article_idx} 0); a template message
     * cannot be taken back, so its follower gets the correction instead.
     */
    @Override
    public RecallOutcome recall(String msgId, String openId, Throttle throttle) {
        String accountName = api.pushAccount().orElse(null);
        boolean mass = accountName != null && sent.find(accountName, Long.parseLong(msgId))
                .map(d -> d.getBoolean("mass", false)).orElse(false);
        if (!mass) {
            return RecallOutcome.notRecallable();
        }
        perApi(throttle, accountName, "mass/delete").acquire();
        try {
            api.service(accountName).orElseThrow().getMassMessageService().delete(Long.parseLong(msgId), 0);
            return RecallOutcome.withdrawn();
        } catch (WxErrorException e) {
            return RecallOutcome.failed("微信错误 " + e.getError().getErrorCode());
        } catch (RuntimeException e) {
            return RecallOutcome.failed(e.getClass().getSimpleName());
        }
    }

    /** WeChat limits each API per appid apart: each has its own budget, shared by every instance. */
    private Throttle perApi(Throttle throttle, String accountName, String api) {
        return throttle.forAccount(properties.accounts().get(accountName).appId() + "/" + api);
    }

    private SendOutcome failed(int code, String openId) {
        if (WechatErrors.of(code) == WechatErrors.Action.UNREACHABLE) {
            subscribers.optOut(ChannelKind.WECHAT, openId);
            log.info("WeChat follower unreachable ({}), identity marked", code);
            return SendOutcome.permanent(code == 43004 ? "用户未关注公众号 (43004)" : "用户拒收消息 (43101)");
        }
        return outcomeOf(code);
    }

    private static SendOutcome outcomeOf(int code) {
        return switch (WechatErrors.of(code)) {
            case BACK_OFF -> SendOutcome.retry("配额已用完 (" + code + ")");
            case PERMANENT, UNREACHABLE -> SendOutcome.permanent("微信错误 " + code);
            case RETRY -> SendOutcome.retry("微信错误 " + code);
        };
    }

    private String templateId(String accountName, String template) {
        var ids = properties.accounts().get(accountName).templateIds();
        return ids.getOrDefault(template, ids.get("default"));
    }

    private static List<SendOutcome> all(OutboundBatch batch, SendOutcome outcome) {
        return batch.messages().stream().map(m -> outcome).toList();
    }

    /** A short, stable id for WeChat's resend protection. */
    static String clientMsgId(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
