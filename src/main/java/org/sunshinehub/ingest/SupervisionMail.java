package org.sunshinehub.ingest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * A 督办函 by e-mail → an {@code OPINION_TASK} draft for {@code sunshine:intake}: the subject is the title, the
 * Message-ID the source id (a mail read twice is one task), and "N 个工作日" (digits or 一…六十) in the subject, else
 * the body, the supervision period. The route's id is the source.
 */
@Component("supervisionMail")
class SupervisionMail {

    private static final Pattern WORKING_DAYS = Pattern.compile("([0-9]{1,3}|[一二两三四五六七八九十]{1,3})\\s*个工作日");
    private static final String DIGITS = "零一二三四五六七八九";

    public ObjectNode toItem(Exchange exchange) {
        Message mail = exchange.getMessage();
        String subject = decoded(mail.getHeader("Subject", String.class));
        String body = Objects.requireNonNullElse(mail.getBody(String.class), "").strip();
        String messageId = mail.getHeader("Message-ID", String.class);
        ObjectNode item = JsonNodeFactory.instance.objectNode()
                .put("kind", "opinion-task")
                .put("source", exchange.getFromRouteId())
                .put("sourceId", messageId == null ? null : messageId.replaceAll("[<>]", "").strip())
                .put("title", subject)
                .put("body", body);
        Integer days = workingDays(subject);
        item.put("supervisionWorkingDays", days != null ? days : workingDays(body));
        return item;
    }

    /** The raw header is RFC 2047 encoded (=?UTF-8?B?...?=) and may be folded over lines. */
    private static String decoded(String header) {
        if (header == null) {
            return "";
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(header)).strip();
        } catch (UnsupportedEncodingException e) {
            return header.strip();
        }
    }

    static Integer workingDays(String text) {
        Matcher m = WORKING_DAYS.matcher(text);
        if (!m.find()) {
            return null;
        }
        String n = m.group(1);
        return Character.isDigit(n.charAt(0)) ? Integer.valueOf(n) : chinese(n.replace('两', '二'));
    }

    /** 五 = 5, 十 = 10, 十五 = 15, 二十 = 20, 二十五 = 25. */
    private static int chinese(String n) {
        int ten = n.indexOf('十');
        if (ten < 0) {
            return DIGITS.indexOf(n.charAt(0));
        }
        int tens = ten == 0 ? 1 : DIGITS.indexOf(n.charAt(0));
        int units = ten == n.length() - 1 ? 0 : DIGITS.indexOf(n.charAt(ten + 1));
        return tens * 10 + units;
    }
}
