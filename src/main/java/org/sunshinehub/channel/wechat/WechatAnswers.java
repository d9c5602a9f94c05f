package org.sunshinehub.channel.wechat;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import org.springframework.stereotype.Component;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.feedback.AnswerChannel;
import org.sunshinehub.feedback.Feedback;

/**
 * Staff answers to WeChat feedback, as customer-service messages (客服消息): WeChat takes them only within 48 hours
 * of the follower's last message to the account, and at most 5 per message, so an answer outside that window or
 * over that allowance is refused, not queued.
 */
@Component
class WechatAnswers implements AnswerChannel {

    /** WeChat's allowance of customer-service messages after each message of the follower. */
    static final int ANSWERS_PER_MESSAGE = 5;

    private final WechatApi api;
    private final Followers followers;
    private final WechatProperties properties;
    private final Clock clock;

    WechatAnswers(WechatApi api, Followers followers, WechatProperties properties, Clock clock) {
        this.api = api;
        this.followers = followers;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return ChannelKind.WECHAT.code();
    }

    @Override
    public void answer(Feedback feedback, String text) {
        String openId = feedback.address();
        Optional<Followers.Contact> contact = followers.contact(openId);
        Instant last = contact.map(Followers.Contact::lastMessageAt).orElse(feedback.receivedAt());
        if (last.plus(properties.answerWindow()).isBefore(clock.instant())) {
            throw new AnswerRefusedException("该用户最后一次留言已超过 " + properties.answerWindow().toHours()
                    + " 小时，微信不再允许客服消息回复");
        }
        WxMpService service = contact.map(Followers.Contact::account).flatMap(api::service)
                .or(() -> api.pushAccount().flatMap(api::service))
                .orElseThrow(() -> new AnswerRefusedException("未配置可用的公众号"));
        if (!followers.takeAnswer(openId, ANSWERS_PER_MESSAGE)) {
            throw new AnswerRefusedException("该用户最后一次留言后已回复 " + ANSWERS_PER_MESSAGE
                    + " 条客服消息，微信不再允许回复，须待用户再次留言");
        }
        try {
            service.getKefuService().sendKefuMessage(WxMpKefuMessage.TEXT().toUser(openId).content(text).build());
        } catch (WxErrorException e) {
            followers.returnAnswer(openId);
            int code = e.getError().getErrorCode();
            if (code == 45015 || code == 45047 || code == 43004 || code == 43101 || code == 40003) {
                throw new AnswerRefusedException("微信拒绝了这条客服消息（错误 " + code + "）");
            }
            throw new IllegalStateException("WeChat error " + code);
        } catch (RuntimeException e) {
            followers.returnAnswer(openId);
            throw e;
        }
    }
}
