package org.sunshinehub.publicpages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.sunshinehub.audience.PhoneNumbers;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.dispatch.Dispatcher;
import org.sunshinehub.dispatch.SendOutcome;

/** One-time SMS codes: sent through the SMS channel, short-lived, single-use, a few attempts, one a minute. */
@Service
class PhoneVerification {

    private static final Logger log = LoggerFactory.getLogger(PhoneVerification.class);

    private final VerificationCodes codes;
    private final Dispatcher dispatcher;
    private final PublicPageProperties.Codes settings;
    private final Clock clock;

    PhoneVerification(VerificationCodes codes, Dispatcher dispatcher, PublicPageProperties properties, Clock clock) {
        this.codes = codes;
        this.dispatcher = dispatcher;
        this.settings = properties.codes();
        this.clock = clock;
    }

    /**
     * @param about the item the code is asked for (its title goes into the SMS), or null
     * @throws Refused with what to tell the citizen
     */
    void send(Purpose purpose, String phone, ContentItem about) {
        Instant now = clock.instant();
        codes.sentAt(purpose.name(), phone).filter(sent -> sent.plus(settings.resendAfter()).isAfter(now)).ifPresent(sent -> {
            throw new Refused("验证码已发送，请 " + Math.max(1, Duration.between(now, sent.plus(settings.resendAfter()))
                    .toSeconds()) + " 秒后再获取");
        });
        String code = codes.issue(purpose.name(), phone, now, now.plus(settings.validFor()));
        SendOutcome sent = dispatcher.sendNotice(ChannelKind.SMS, phone, about, purpose.template(),
                Map.of("code", code, "minutes", String.valueOf(settings.validFor().toMinutes())), "verify:" + UUID.randomUUID());
        if (sent.kind() != SendOutcome.Kind.ACCEPTED) {
            codes.withdraw(purpose.name(), phone);
            log.warn("Verification code to {} not sent: {}", PhoneNumbers.mask(phone), sent.reason());
            throw new Refused("短信发送失败，请稍后再试");
        }
    }

    /** @throws Refused when the code is wrong, used, expired or out of attempts */
    void verify(Purpose purpose, String phone, String code) {
        switch (codes.check(purpose.name(), phone, code, clock.instant(), settings.maxAttempts())) {
            case VERIFIED -> { }
            case WRONG -> throw new Refused("验证码不正确");
            case TOO_MANY_ATTEMPTS -> throw new Refused("验证码错误次数过多，已失效，请重新获取");
            case NONE -> throw new Refused("验证码已失效或已使用，请重新获取");
        }
    }

    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
