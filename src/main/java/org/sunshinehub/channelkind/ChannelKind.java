package org.sunshinehub.channelkind;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The four channels the office pushes on; each is one identity of a subscriber. */
public enum ChannelKind {
    SMS, WECHAT, APP, WEIBO;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the valid codes */
    @JsonCreator
    public static ChannelKind of(String code) {
        for (ChannelKind kind : values()) {
            if (kind.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("未知渠道「" + code + "」，可选 sms、wechat、app、weibo");
    }
}
