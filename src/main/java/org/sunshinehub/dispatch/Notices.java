package org.sunshinehub.dispatch;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.content.ContentItem;

/** One message to one address outside any block: a notice (an assignment, a reminder …) or a digest. */
@Component
class Notices {

    /** Batch ids of notices, so their receipts are not taken for a block's. */
    static final String PREFIX = "notice:";

    private final Channels channels;
    private final MessageRenderer renderer;

    Notices(Channels channels, MessageRenderer renderer) {
        this.channels = channels;
        this.renderer = renderer;
    }

    /**
     * Renders {@code templates/<channel>/<template>.ftl} with the item and {@code extras} and sends it at once.
     *
     * @param noticeId stable for retries of the same notice; the provider echoes it
     */
    /** The message this channel's template makes of the item, as a push would (no reply code yet). */
    String render(ChannelKind channel, ContentItem item, String template) {
        return renderer.render(channel, template, renderer.model(item, null, channels.adapter(channel).templateModel()));
    }

    SendOutcome send(ChannelKind channel, String address, ContentItem item, String template, Map<String, Object> extras,
                     String noticeId) {
        if (!channels.has(channel)) {
            return SendOutcome.permanent("渠道 " + channel.code() + " 尚未配置");
        }
        ChannelAdapter adapter = channels.adapter(channel);
        Map<String, Object> model = item == null ? new java.util.HashMap<>(adapter.templateModel())
                : renderer.model(item, null, adapter.templateModel());
        model.putAll(extras);
        String content;
        try {
            content = renderer.render(channel, template, model);
        } catch (MessageRenderer.RenderException e) {
            return SendOutcome.permanent(e.getMessage());
        }
        OutboundMessage message = new OutboundMessage(PREFIX + noticeId, null, address, content);
        return adapter.send(new OutboundBatch(PREFIX + noticeId, 1, item == null ? null : item.id(), template, null, false, List.of(message)),
                channels.throttle(channel)).get(0);
    }
}
