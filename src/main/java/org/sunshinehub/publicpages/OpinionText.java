package org.sunshinehub.publicpages;

import java.util.Optional;
import java.util.regex.Pattern;
import org.sunshinehub.text.PlainText;

/** An opinion as typed on the public form: plain text only, within the length cap. */
final class OpinionText {

    /** A tag, comment, doctype or processing instruction; a lone "<" as in "收入<3000元" is fine. */
    private static final Pattern MARKUP = Pattern.compile("<\\s*[A-Za-z!/?]");

    private OpinionText() {
    }

    /** @return why the text is not taken, or empty */
    static Optional<String> problem(String text, int maxLength) {
        if (text == null || text.isBlank()) {
            return Optional.of("请填写您的意见");
        }
        if (text.strip().length() > maxLength) {
            return Optional.of("意见不能超过 " + maxLength + " 字（现为 " + text.strip().length() + " 字）");
        }
        if (MARKUP.matcher(text).find()) {
            return Optional.of("意见只能是纯文字，不能包含 HTML 标记（如 <a>、<script>）");
        }
        return Optional.empty();
    }

    static String clean(String text) {
        return PlainText.multiline(text).strip();
    }
}
