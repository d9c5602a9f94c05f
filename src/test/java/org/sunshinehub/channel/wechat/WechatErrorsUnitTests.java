package org.sunshinehub.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sunshinehub.channel.wechat.WechatErrors.Action;

/** Each class of WeChat error code, as the reference lists them. */
class WechatErrorsUnitTests {

    @Test
    void notFollowingAndRefusedMarkTheFollowerUnreachable() {
        assertThat(WechatErrors.of(43004)).isEqualTo(Action.UNREACHABLE);
        assertThat(WechatErrors.of(43101)).isEqualTo(Action.UNREACHABLE);
    }

    @Test
    void quotaErrorsBackOffTheRestOfTheBatch() {
        assertThat(WechatErrors.of(45009)).isEqualTo(Action.BACK_OFF);
        assertThat(WechatErrors.of(45047)).isEqualTo(Action.BACK_OFF);
    }

    @Test
    void badOpenidTemplateOrPayloadNeverSucceed() {
        assertThat(WechatErrors.of(40003)).isEqualTo(Action.PERMANENT);
        assertThat(WechatErrors.of(40037)).isEqualTo(Action.PERMANENT);
        assertThat(WechatErrors.of(47001)).isEqualTo(Action.PERMANENT);
        assertThat(WechatErrors.of(48001)).isEqualTo(Action.PERMANENT);
    }

    @Test
    void busyAndTokenErrorsThatSurviveWxJavasOwnRefreshAreRetried() {
        assertThat(WechatErrors.of(-1)).isEqualTo(Action.RETRY);
        assertThat(WechatErrors.of(40001)).isEqualTo(Action.RETRY);
        assertThat(WechatErrors.of(42001)).isEqualTo(Action.RETRY);
    }
}
