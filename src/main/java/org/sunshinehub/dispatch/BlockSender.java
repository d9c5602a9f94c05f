package org.sunshinehub.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunshinehub.audience.Recipient;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemLinks;

/**
 * Renders a block's messages, marks the block SENDING, calls the channel adapter under the provider's rate limit
 * and hands the outcomes to {@link OutcomeRecorder}.
 */
@Component
class BlockSender {

    private static final Logger log = LoggerFactory.getLogger(BlockSender.class);

    private final BlockStore blocks;
    private final DeliveryMoves moves;
    private final MessageRenderer renderer;
    private final Channels channels;
    private final ItemLinks links;
    private final OutcomeRecorder results;
    private final DispatchMeters meters;

    BlockSender(BlockStore blocks, DeliveryMoves moves, MessageRenderer renderer, Channels channels, ItemLinks links,
                OutcomeRecorder results, DispatchMeters meters) {
        this.meters = meters;
        this.blocks = blocks;
        this.moves = moves;
        this.renderer = renderer;
        this.channels = channels;
        this.links = links;
        this.results = results;
    }

    void send(Block block, DispatchQueue queue, ContentItem item, List<Recipient> pending) {
        PushJob job = queue.job();
        ChannelAdapter adapter = channels.adapter(block.channel());
        Map<String, Object> model = renderer.model(item, links.related(item), job.replyCode(),
                adapter.templateModel());
        String template = MessageRenderer.templateOf(item.kind()) + (job.purpose() == null ? "" : "-" + job.purpose());
        List<OutboundMessage> messages = new ArrayList<>(pending.size());
        // Rendered once for the block unless the template can tell recipients apart
        boolean personal = renderer.perRecipient(block.channel(), template);
        String same = null;
        for (Recipient r : pending) {
            model.put("recipient", Map.of("subscriberId", r.subscriberId()));
            try {
                String content = same != null ? same : renderer.render(block.channel(), template, model);
                if (!personal) {
                    same = content;
                }
                messages.add(new OutboundMessage(block.deliveryId(r), r.subscriberId(), r.address(), content));
            } catch (MessageRenderer.RenderException e) {
                moves.moveAll(block.queue(), DeliveryState.PENDING, DeliveryState.FAILED,
                        pending.stream().map(block::deliveryId).toList(), e.getMessage());
                blocks.done(block, e.getMessage());
                log.error("Block {} failed: {}", block.id(), e.getMessage());
                return;
            }
        }
        int attempt = block.attempts() + 1;
        Block sending = blocks.markSending(block, attempt);
        List<SendOutcome> outcomes;
        try {
            OutboundBatch batch = new OutboundBatch(block.id(), attempt, item.id(), template, job.replyCode(),
                    job.broadcast(), messages);
            outcomes = meters.timeSend(block.channel(), () -> adapter.send(batch, channels.throttle(block.channel())));
        } catch (RuntimeException e) {
            log.warn("Channel {} threw on block {}: {}", block.channel().code(), block.id(), e.toString());
            outcomes = messages.stream().map(m -> SendOutcome.retry(e.getClass().getSimpleName())).toList();
        }
        results.record(sending, messages, outcomes);
    }
}
