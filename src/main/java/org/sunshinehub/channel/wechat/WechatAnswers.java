package org.sunshinehub.channel.wechat;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import org.springframework.stereotype.Component;
import org.sunshinehub.audience.ChannelKind;
import org.sunshinehub.feedback.AnswerChannel;
import org.sunshinehub.feedback.Feedback;

/**
 * Staff answers to WeChat feedback, as customer-service messages (客服消息): WeChat takes them only within 48 hours
 * of the follower's last message to the account, so an answer outside that window is refused, not queued.
 */
@Component
class WechatAnswers implements AnswerChannel {

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
        try {
            service.getKefuService().sendKefuMessage(WxMpKefuMessage.TEXT().toUser(openId).content(text).build());
        } catch (WxErrorException e) {
            int code = e.getError().getErrorCode();
            if (code == 45015 || code == 43004 || code == 43101 || code == 40003) {
                throw new AnswerRefusedException("微信拒绝了这条客服消息（错误 " + code + "）");
            }
            throw new IllegalStateException("WeChat error " + code);
        }
    }
}
