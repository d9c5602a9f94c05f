package org.sunshinehub.content;

import java.util.List;

public record ItemPage(int page, int size, long total, List<ContentItem> items) {
}
