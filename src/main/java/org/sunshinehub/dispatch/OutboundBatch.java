package org.sunshinehub.dispatch;

import java.util.List;
import org.sunshinehub.content.ItemKind;

/**
 * @param batchId   stable across retries of the same block; providers echo it (e.g. Aliyun {@code OutId})
 * @param attempt   1 for the first try
 * @param replyCode the plan's short code citizens' replies carry (e.g. SMS {@code SmsUpExtendCode})
 */
public record OutboundBatch(String batchId, int attempt, String itemId, ItemKind itemKind, String replyCode,
                            List<OutboundMessage> messages) {

    public OutboundBatch {
        messages = List.copyOf(messages);
    }
}
