package org.sunshinehub.plan;

import java.util.Map;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.dispatch.MessageFields;

/**
 * What one channel will send, shaped for the plan form: the SMS template parameters with the text's length and
 * segment count, WeChat's template fields, the Weibo post against its 140 characters, the app notification.
 *
 * @param fields the message's named parts (SMS parameters, WeChat template keys, app title/alert/url)
 * @param text   the text a citizen reads (for SMS: the signature and parameters; the approved Aliyun template adds
 *               its fixed words)
 */
record ChannelPreview(ChannelKind channel, Map<String, String> fields, String text, int length, int limit,
                      int segments, String problem) {

    static final int SMS_SINGLE = 70;
    static final int SMS_PART = 67;
    static final int WEIBO_LIMIT = 140;

    /** The channel as staff name it. */
    public String label() {
        if (channel == null) {
            return "未知渠道";
        }
        return switch (channel) {
            case SMS -> "短信";
            case WECHAT -> "微信模板消息";
            case WEIBO -> "微博";
            case APP -> "App 通知";
        };
    }

    static ChannelPreview failed(ChannelKind channel, String problem) {
        return new ChannelPreview(channel, Map.of(), null, 0, 0, 0, problem);
    }

    static ChannelPreview of(ChannelKind channel, String rendered, String smsSignature) {
        return switch (channel) {
            case SMS -> sms(rendered, smsSignature);
            case WEIBO -> new ChannelPreview(channel, Map.of(), rendered, length(rendered), WEIBO_LIMIT, 1, null);
            case WECHAT, APP -> fields(channel, rendered);
        };
    }

    private static ChannelPreview sms(String rendered, String signature) {
        Map<String, String> params = MessageFields.parse(rendered);
        if (params.isEmpty()) {
            return failed(ChannelKind.SMS, "短信模板没有参数（不是有效的 JSON 对象）");
        }
        String text = "【" + signature + "】" + String.join("", params.values());
        int length = length(text);
        return new ChannelPreview(ChannelKind.SMS, params, text, length, SMS_SINGLE,
                length <= SMS_SINGLE ? 1 : (length + SMS_PART - 1) / SMS_PART, null);
    }

    private static ChannelPreview fields(ChannelKind channel, String rendered) {
        Map<String, String> fields = MessageFields.parse(rendered);
        if (fields.isEmpty()) {
            return failed(channel, "消息模板没有字段（不是有效的 JSON 对象）");
        }
        String text = fields.getOrDefault("alert", fields.getOrDefault("text", ""));
        return new ChannelPreview(channel, fields, text, length(text), 0, 1, null);
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
