package org.sunshinehub.content;

import java.time.Instant;

/**
 * Why and by whom an item was recalled (撤回).
 *
 * @param correction null, or the correction (更正) sent to those the item already reached on channels that cannot
 *                   take a message back
 */
public record ItemRecall(String reason, String correction, String by, String byName, Instant at) {
}
