package org.sunshinehub.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every code in shared/reference/aliyun-sms.md lands in one class: retry (delay) or permanent failure. */
class AliyunErrorsUnitTests {

    @Test
    void flowControlQuotasAccountAndSystemProblemsAreRetried() {
        for (String code : new String[] {"isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL", "isv.MONTH_LIMIT_CONTROL",
                "isv.AMOUNT_NOT_ENOUGH", "isv.OUT_OF_SERVICE", "isp.SYSTEM_ERROR", "isp.RAM_PERMISSION_DENY",
                "isv.PRODUCT_UN_SUBSCRIPT", "isv.PRODUCT_UNSUBSCRIBE", "isv.ACCOUNT_NOT_EXISTS", "isv.ACCOUNT_ABNORMAL",
                "isv.DENY_IP_RANGE", "ServiceUnavailable", "SignatureDoesNotMatch"}) {
            assertThat(AliyunErrors.permanent(code)).as(code).isFalse();
        }
    }

    @Test
    void badNumbersAndConfigurationErrorsFailAtOnce() {
        for (String code : new String[] {"isv.MOBILE_NUMBER_ILLEGAL", "isv.SMS_TEMPLATE_ILLEGAL", "isv.SMS_SIGNATURE_ILLEGAL",
                "isv.SMS_SIGNATURE_SCENE_ILLEGAL", "isv.TEMPLATE_MISSING_PARAMETERS", "isv.INVALID_JSON_PARAM",
                "isv.INVALID_PARAMETERS", "isv.PARAM_LENGTH_LIMIT", "isv.PARAM_NOT_SUPPORT_URL",
                "isv.BLACK_KEY_CONTROL_LIMIT", "isv.MOBILE_COUNT_OVER_LIMIT"}) {
            assertThat(AliyunErrors.permanent(code)).as(code).isTrue();
        }
    }
}
