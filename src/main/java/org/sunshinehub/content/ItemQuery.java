package org.sunshinehub.content;

/** A staff listing: optional kind, state and title text; pages of {@code size} counted from 0. */
public record ItemQuery(ItemKind kind, ItemState state, String text, int page, int size) {
}
