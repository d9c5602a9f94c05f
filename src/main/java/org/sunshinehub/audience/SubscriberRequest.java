package org.sunshinehub.audience;

import org.sunshinehub.channelkind.ChannelKind;
import java.util.List;

/**
 * A registration as it arrives (API body or CSV row), not yet validated.
 *
 * @param optIn the citizen explicitly asks to receive again on the channels given, clearing an earlier opt-out
 */
record SubscriberRequest(String phone, String wechatOpenId, String appRegistrationId, String weiboUid,
                         List<String> topics, boolean optIn) {

    /** A registration of one identity. */
    static SubscriberRequest of(ChannelKind channel, String address, List<String> topics, boolean optIn) {
        return new SubscriberRequest(channel == ChannelKind.SMS ? address : null,
                channel == ChannelKind.WECHAT ? address : null, channel == ChannelKind.APP ? address : null,
                channel == ChannelKind.WEIBO ? address : null, topics, optIn);
    }
}
