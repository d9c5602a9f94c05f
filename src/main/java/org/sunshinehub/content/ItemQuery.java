package org.sunshinehub.content;

/** A staff listing: optional kind, state, category, source and title text; pages of {@code size} counted from 0. */
public record ItemQuery(ItemKind kind, ItemState state, String category, String source, String text, int page,
                        int size) {

    public ItemQuery(ItemKind kind, ItemState state, String text, int page, int size) {
        this(kind, state, null, null, text, page, size);
    }
}
