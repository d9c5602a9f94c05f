package org.sunshinehub.channel.sms;

import java.util.Set;

/**
 * Aliyun SMS business codes (help.aliyun.com/document_detail/101346) sorted by what the hub does about them.
 * Flow control, account and system problems delay (a provider outage never drops a message); a bad number or
 * a configuration error cannot succeed by trying again.
 */
final class AliyunErrors {

    static final String INVALID_NUMBER = "isv.MOBILE_NUMBER_ILLEGAL";
    private static final Set<String> PERMANENT = Set.of(INVALID_NUMBER, "isv.SMS_TEMPLATE_ILLEGAL",
            "isv.SMS_SIGNATURE_ILLEGAL", "isv.SMS_SIGNATURE_SCENE_ILLEGAL", "isv.TEMPLATE_MISSING_PARAMETERS",
            "isv.INVALID_JSON_PARAM", "isv.INVALID_PARAMETERS", "isv.PARAM_LENGTH_LIMIT", "isv.PARAM_NOT_SUPPORT_URL",
            "isv.BLACK_KEY_CONTROL_LIMIT", "isv.MOBILE_COUNT_OVER_LIMIT");

    private AliyunErrors() {
    }

    /** Everything not known to be permanent is retried: flow control, quotas, balance, system errors. */
    static boolean permanent(String code) {
        return PERMANENT.contains(code);
    }
}
