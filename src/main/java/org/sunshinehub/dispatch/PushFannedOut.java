package org.sunshinehub.dispatch;

import org.springframework.modulith.NamedInterface;
import org.sunshinehub.channelkind.ChannelKind;

/** A plan's push on one channel has written every block: from now on it only sends. */
@NamedInterface("api")
public record PushFannedOut(String planId, ChannelKind channel) {
}
