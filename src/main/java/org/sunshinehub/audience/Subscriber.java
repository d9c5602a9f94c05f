package org.sunshinehub.audience;

import org.sunshinehub.channelkind.ChannelKind;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A citizen. {@code optedOut} holds when each channel was refused; an opted-out channel is never used again
 * until the citizen opts in again.
 */
public record Subscriber(String id, String phone, String wechatOpenId, String appRegistrationId, String weiboUid,
                         List<String> topics, Map<ChannelKind, Instant> optedOut, Instant createdAt, long version) {

    public Subscriber {
        topics = List.copyOf(topics);
        optedOut = optedOut.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(optedOut));
    }

    /** This subscriber's address on a channel, or null. */
    public String address(ChannelKind channel) {
        return switch (channel) {
            case SMS -> phone;
            case WECHAT -> wechatOpenId;
            case APP -> appRegistrationId;
            case WEIBO -> weiboUid;
        };
    }

    public boolean reachableOn(ChannelKind channel) {
        return address(channel) != null && !optedOut.containsKey(channel);
    }
}
