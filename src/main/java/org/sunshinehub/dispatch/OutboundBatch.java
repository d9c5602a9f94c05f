package org.sunshinehub.dispatch;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * @param batchId   stable across retries of the same block; providers echo it (e.g. Aliyun {@code OutId})
 * @param attempt   1 for the first try
 * @param template  the template (and so the provider template) used: the item kind, e.g. {@code disclosure},
 *                  or a notice's, e.g. {@code opinion-task}
 * @param replyCode the plan's short code citizens' replies carry (e.g. SMS {@code SmsUpExtendCode})
 * @param broadcast the plan allows the channel's broadcast form (e.g. WeChat mass send) for this batch
 */
@NamedInterface("spi")
public record OutboundBatch(String batchId, int attempt, String itemId, String template, String replyCode,
                            boolean broadcast, List<OutboundMessage> messages) {

    public OutboundBatch {
        messages = List.copyOf(messages);
    }
}
