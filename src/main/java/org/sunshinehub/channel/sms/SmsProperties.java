package org.sunshinehub.channel.sms;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sunshine.sms.*}.
 *
 * @param callbackToken    the secret path segment Aliyun's receipt and reply pushes must carry; unset turns the
 *                         callbacks off (403)
 * @param unsubscribeWords a reply that is one of these (case-insensitive) opts the phone out of SMS
 * @param unsubscribeHint  the opt-out hint templates append (工信部令第31号: an easy way to refuse)
 */
@Validated
@ConfigurationProperties("sunshine.sms")
record SmsProperties(@Valid @NotNull @DefaultValue Aliyun aliyun,
                     @Pattern(regexp = "[A-Za-z0-9_-]{16,}", message = "须为至少 16 位的字母数字") String callbackToken,
                     @NotEmpty @DefaultValue({"TD", "T", "退订", "N"}) List<String> unsubscribeWords,
                     @NotNull @DefaultValue("回T退订") String unsubscribeHint) {

    /**
     * @param endpoint      host[:port] of the SMS API (dysmsapi.aliyuncs.com; the sandbox in the demo)
     * @param protocol      HTTPS in production
     * @param templateCodes template code per item kind ({@code disclosure}, {@code consultation}, …)
     */
    record Aliyun(@NotBlank @DefaultValue("dysmsapi.aliyuncs.com") String endpoint,
                  @NotBlank @DefaultValue("HTTPS") String protocol,
                  String accessKeyId, String accessKeySecret,
                  @NotBlank @DefaultValue("政务公开") String signName,
                  @NotNull @DefaultValue Map<String, String> templateCodes,
                  @NotNull @DefaultValue("3s") Duration connectTimeout,
                  @NotNull @DefaultValue("10s") Duration readTimeout) {

        boolean configured() {
            return accessKeyId != null && !accessKeyId.isBlank() && accessKeySecret != null && !accessKeySecret.isBlank();
        }

        @Override
        public String toString() {
            return "Aliyun[endpoint=" + endpoint + ", protocol=" + protocol + ", accessKeyId=" + (accessKeyId == null
                    ? "<unset>" : "<set>") + ", accessKeySecret=<hidden>, signName=" + signName + "]";
        }
    }

    @Override
    public String toString() {
        return "SmsProperties[aliyun=" + aliyun + ", callbackToken=<hidden>, unsubscribeWords=" + unsubscribeWords + "]";
    }
}
