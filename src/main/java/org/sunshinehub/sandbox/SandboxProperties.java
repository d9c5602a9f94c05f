package org.sunshinehub.sandbox;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sunshine.sandbox.*}.
 *
 * @param port          where the sandbox listens (loopback); 0 picks a free port
 * @param receiptDelay  how long after a send its receipts are pushed
 * @param repushDelays  Aliyun re-pushes a callback that was not answered 200 after 1, 5 and 10 minutes; shortened
 *                      here so a demo and tests see it
 * @param recordLimit   how many sent messages are kept for {@code /admin/sms} (0: count only, for benchmarks)
 * @param faults        faults to inject from the start (also settable at {@code POST /admin/faults})
 * @param smsTemplates  the text of each sandbox SMS template, with {@code ${param}} placeholders
 * @param wechatFollowers demo followers ({@code oDemoFollower1} …) who follow the first WeChat account at start
 * @param wechatAutoReply what a demo follower writes back after a template message reaches them; blank: nothing
 * @param weiboPostsPerHour Weibo's hourly posting limit per account as the sandbox enforces it (real time)
 */
@ConfigurationProperties("sunshine.sandbox")
record SandboxProperties(@DefaultValue("false") boolean enabled, @DefaultValue("0") int port,
                         @NotNull @DefaultValue("300ms") Duration receiptDelay,
                         @NotNull @DefaultValue({"1s", "5s", "10s"}) List<Duration> repushDelays,
                         @DefaultValue("10000") int recordLimit,
                         @NotNull @DefaultValue Faults faults,
                         @NotNull @DefaultValue Map<String, String> smsTemplates,
                         @DefaultValue("0") int wechatFollowers, String wechatAutoReply,
                         @DefaultValue("30") int weiboPostsPerHour) {

    /**
     * @param flowControlRate      share of SMS requests answered {@code isv.BUSINESS_LIMIT_CONTROL}
     * @param outageSeconds        the SMS API answers 503 for this long from the start
     * @param slowMillis           every SMS request waits this long first
     * @param invalidNumbers       numbers the API calls {@code isv.MOBILE_NUMBER_ILLEGAL}
     * @param undeliveredNumbers   numbers whose receipt says the carrier did not deliver
     * @param duplicateReceiptRate share of receipt pushes sent twice
     */
    record Faults(@DefaultValue("0") double flowControlRate, @DefaultValue("0") long outageSeconds,
                  @DefaultValue("0") long slowMillis, @DefaultValue List<String> invalidNumbers,
                  @DefaultValue List<String> undeliveredNumbers, @DefaultValue("0") double duplicateReceiptRate) {

        /** Lists left out of an admin request mean none. */
        Faults {
            invalidNumbers = invalidNumbers == null ? List.of() : invalidNumbers;
            undeliveredNumbers = undeliveredNumbers == null ? List.of() : undeliveredNumbers;
        }
    }
}
