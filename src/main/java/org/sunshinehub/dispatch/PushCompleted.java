package org.sunshinehub.dispatch;

import org.springframework.modulith.NamedInterface;
import org.sunshinehub.channelkind.ChannelKind;

/** A plan's push on one channel is over: every delivery final, fallbacks resolved, digests sent. */
@NamedInterface("api")
public record PushCompleted(String planId, ChannelKind channel) {
}
