package org.sunshinehub.channel.wechat;

import java.util.Map;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.sunshinehub.dispatch.MessageFields;

/**
 * A rendered {@code templates/wechat/*.ftl}: its {@code <@field>} values by name, the WeChat template's data keys
 * ({@code first}, {@code keyword1} …) plus {@code url}, the link the message opens, and {@code text}, what a mass
 * send or a customer-service message says instead.
 */
record TemplateContent(Map<String, String> values) {

    static TemplateContent parse(String rendered) {
        return new TemplateContent(MessageFields.parse(rendered));
    }

    WxMpTemplateMessage toMessage(String openId, String templateId, String clientMsgId) {
        WxMpTemplateMessage message = WxMpTemplateMessage.builder().toUser(openId).templateId(templateId)
                .url(values.get("url")).build();
        message.setClientMsgId(clientMsgId);
        values.forEach((key, value) -> {
            if (!key.equals("url") && !key.equals("text")) {
                message.addData(new WxMpTemplateData(key, value));
            }
        });
        return message;
    }

    /** The plain-text form: {@code text} if given, else the data values joined, then the link. */
    String text() {
        if (values.containsKey("text")) {
            return values.get("text");
        }
        StringBuilder text = new StringBuilder();
        values.forEach((key, value) -> {
            if (!key.equals("url") && !value.isEmpty()) {
                text.append(text.isEmpty() ? "" : "\n").append(value);
            }
        });
        if (values.get("url") != null && !values.get("url").isEmpty()) {
            text.append("\n").append(values.get("url"));
        }
        return text.toString();
    }
}
