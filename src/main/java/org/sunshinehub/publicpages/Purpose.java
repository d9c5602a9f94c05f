package org.sunshinehub.publicpages;

import java.util.Locale;

/** What a one-time code is for; each has its own SMS template ({@code templates/sms/verify-<purpose>.ftl}). */
enum Purpose {
    OPINION, SUBSCRIPTION;

    String template() {
        return "verify-" + name().toLowerCase(Locale.ROOT);
    }
}
