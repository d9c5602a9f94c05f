package org.sunshinehub.channel.weibo;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post's text as Weibo's {@code statuses/share} takes it: no {@code #话题#} (the marks are removed), at most 140
 * characters as Weibo counts them (a Chinese character 1, other characters ½), and a link to a page under the
 * app's safe domain, which is kept whole when the text is shortened.
 */
final class WeiboText {

    static final int LIMIT = 140;
    private static final Pattern URL = Pattern.compile("https?://[^\\s，。、；！？）)】]+");

    private WeiboText() {
    }

    /** @throws IllegalArgumentException (in Chinese, for staff) when the text carries no link under the domain */
    static String compose(String rendered, String safeDomain) {
        String text = rendered.replace("#", "").replace("＃", "").strip().replaceAll("\\s+", " ");
        Matcher m = URL.matcher(text);
        String link = null;
        while (m.find() && link == null) {
            if (under(m.group(), safeDomain)) {
                link = m.group();
            }
        }
        if (link == null) {
            throw new IllegalArgumentException("微博须附安全域名 " + safeDomain + " 下的网页链接，而该信息没有");
        }
        if (length(text) <= LIMIT) {
            return text;
        }
        String words = text.replace(link, "").strip();
        double room = LIMIT - length(link) - 1 - 0.5;
        StringBuilder cut = new StringBuilder();
        for (int i = 0; i < words.length() && length(cut.toString() + words.charAt(i)) + 1 <= room; i++) {
            cut.append(words.charAt(i));
        }
        return cut + "… " + link;
    }

    /** Weibo's count: 1 for a Chinese (or other wide) character, ½ for ASCII, rounded up. */
    static int length(String text) {
        int halves = 0;
        for (int i = 0; i < text.length(); i++) {
            halves += text.charAt(i) < 128 ? 1 : 2;
        }
        return (halves + 1) / 2;
    }

    private static boolean under(String url, String domain) {
        try {
            String host = URI.create(url).getHost();
            if (host == null) {
                return false;
            }
            String h = host.toLowerCase(Locale.ROOT);
            String d = domain.toLowerCase(Locale.ROOT);
            return h.equals(d) || h.endsWith("." + d);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
