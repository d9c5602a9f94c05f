package org.sunshinehub.audience;

import java.util.Optional;
import java.util.regex.Pattern;

/** Mainland mobile numbers: normalised to the bare 11 digits Aliyun reports back, masked for logs. */
public final class PhoneNumbers {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()]");

    private PhoneNumbers() {
    }

    /** Accepts an optional +86 / 0086 / 86 prefix, spaces and dashes; empty when not a mainland mobile. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(raw.strip()).replaceAll("");
        for (String prefix : new String[] {"+86", "0086", "86"}) {
            if (digits.startsWith(prefix) && digits.length() == prefix.length() + 11) {
                digits = digits.substring(prefix.length());
                break;
            }
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** 138****5678; anything unexpected is masked whole. */
    public static String mask(String phone) {
        if (phone == null || phone.length() < 7) {
            return "***";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
