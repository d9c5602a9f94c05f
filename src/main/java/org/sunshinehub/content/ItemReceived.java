package org.sunshinehub.content;

/** Published when intake stores a new item (not for a repeat). */
public record ItemReceived(String itemId, ItemKind kind) {
}
