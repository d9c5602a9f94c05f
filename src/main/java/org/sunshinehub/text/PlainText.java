package org.sunshinehub.text;

import java.util.regex.Pattern;

/**
 * Control characters out of text that came from outside. {@link #line} is for one-line fields (a title, an
 * issuer, a template value): line breaks and tabs become one space, so a value can never start a line of its own;
 * {@link #multiline} keeps paragraphs ({@code \n}) in long text such as a body; {@link #escaped} is for logs,
 * where a control character is shown as an escape instead of being dropped.
 */
public final class PlainText {

    /** CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \) and two-character ESC sequences. */
    private static final Pattern ANSI = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u009B[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?|\u001B[@-Z\\\\-_]");
    private static final Pattern BREAKS = Pattern.compile("[\r\n\t\u000B\u000C\u0085\u2028\u2029]+");
    /** Other C0 and C1 controls, DEL, bidirectional embeddings, overrides and isolates. */
    private static final Pattern CONTROLS = Pattern.compile("[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]");

    private PlainText() {
    }

    /** One line: no control character; line breaks and tabs become a single space. */
    public static String line(String text) {
        if (text == null) {
            return null;
        }
        String withoutEscapes = ANSI.matcher(text).replaceAll("");
        return CONTROLS.matcher(BREAKS.matcher(withoutEscapes).replaceAll(" ")).replaceAll("");
    }

    /** Paragraphs kept: {@code \r\n} and {@code \r} become {@code \n}, tabs stay; every other control goes. */
    public static String multiline(String text) {
        if (text == null) {
            return null;
        }
        String normalised = ANSI.matcher(text).replaceAll("").replace("\r\n", "\n").replace('\r', '\n')
                .replace('\u2028', '\n').replace('\u2029', '\n').replace('\u0085', '\n');
        return CONTROLS.matcher(normalised.replace('\u000B', ' ').replace('\u000C', ' ')).replaceAll("");
    }

    /** {@link #line} cut to {@code max} characters, for an error that must not echo long input. */
    public static String prefix(String text, int max) {
        String line = line(text);
        if (line == null || line.length() <= max) {
            return line;
        }
        return line.substring(0, max) + "…";
    }

    /**
     * For a log line: CR and LF shown as {@code \r} and {@code \n}, every other control (tab excepted) as
     * {@code \\uXXXX}, so nothing a message carries can start a line of its own or move the terminal's cursor.
     */
    public static String escaped(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = escapeOf(c);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static String escapeOf(char c) {
        if (c == '\t') {
            return null;
        }
        if (c == '\n') {
            return "\\n";
        }
        if (c == '\r') {
            return "\\r";
        }
        boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
        return control ? String.format("\\u%04x", (int) c) : null;
    }
}
