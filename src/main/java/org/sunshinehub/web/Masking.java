package org.sunshinehub.web;

/** Phones and openids as the console shows them: enough to tell two apart, not enough to contact anyone. */
public final class Masking {

    private Masking() {
    }

    /** {@code 13800001234} → {@code 138****1234}; an openid keeps its first and last 4 characters. */
    public static String mask(String address) {
        if (address == null || address.length() < 8) {
            return address == null ? null : "****";
        }
        int keep = address.matches("\\+?\\d+") ? 3 : 4;
        return address.substring(0, keep) + "****" + address.substring(address.length() - 4);
    }
}
