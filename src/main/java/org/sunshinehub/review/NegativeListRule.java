package org.sunshinehub.review;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sunshinehub.content.ItemFields;

/**
 * One rule of {@code negative-list.yaml}. It matches when any of its matchers does: a keyword or regular
 * expression in the title, summary or body, a category, a document-number pattern, or an issuer.
 */
record NegativeListRule(String id, String ground, List<String> keywords, List<Pattern> patterns,
                        List<String> categories, List<Pattern> docNumbers, List<String> issuers) {

    /** @return what matched, said so that staff see why the item is held */
    Optional<String> match(ItemFields item) {
        for (TextField field : TextField.values()) {
            String text = field.of(item);
            if (text == null) {
                continue;
            }
            for (String keyword : keywords) {
                if (text.contains(keyword)) {
                    return Optional.of("关键词「" + keyword + "」出现在" + field.label);
                }
            }
            for (Pattern pattern : patterns) {
                if (pattern.matcher(text).find()) {
                    return Optional.of("正则 /" + pattern.pattern() + "/ 匹配" + field.label);
                }
            }
        }
        if (item.category() != null && categories.contains(item.category())) {
            return Optional.of("类别「" + item.category() + "」");
        }
        if (item.docNumber() != null) {
            for (Pattern pattern : docNumbers) {
                if (pattern.matcher(item.docNumber()).find()) {
                    return Optional.of("文号「" + item.docNumber() + "」匹配 /" + pattern.pattern() + "/");
                }
            }
        }
        if (item.issuer() != null && issuers.contains(item.issuer())) {
            return Optional.of("发布机构「" + item.issuer() + "」");
        }
        return Optional.empty();
    }

    private enum TextField {
        TITLE("标题"), SUMMARY("摘要"), BODY("正文");

        private final String label;

        TextField(String label) {
            this.label = label;
        }

        String of(ItemFields item) {
            return switch (this) {
                case TITLE -> item.title();
                case SUMMARY -> item.summary();
                case BODY -> item.body();
            };
        }
    }
}
