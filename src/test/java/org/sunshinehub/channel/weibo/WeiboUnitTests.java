package org.sunshinehub.channel.weibo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.sunshinehub.channel.weibo.WeiboErrors.Action;

class WeiboUnitTests {

    @Test
    void aPostKeepsItsSafeDomainLinkWholeDropsTopicMarksAndFitsIn140() {
        String link = "https://smzt.gd.gov.cn/zwgk/tzgg/content/post_4412345.html";
        String text = WeiboText.compose("【广东省民政厅】" + "关于进一步做好困难群众基本生活保障工作的通知".repeat(6) + " #民生# " + link, "gd.gov.cn");
        assertThat(WeiboText.length(text)).isLessThanOrEqualTo(140);
        assertThat(text).endsWith("… " + link).doesNotContain("#");
        assertThat(WeiboText.compose("短 " + link, "gd.gov.cn")).isEqualTo("短 " + link);
        assertThatThrownBy(() -> WeiboText.compose("没有链接的公告", "gd.gov.cn")).hasMessageContaining("安全域名");
        assertThatThrownBy(() -> WeiboText.compose("别处 https://evil.example/gd.gov.cn", "gd.gov.cn"))
                .hasMessageContaining("安全域名");
        assertThat(WeiboText.length("ab中")).isEqualTo(2);
    }

    @Test
    void thePostIdIsIdstrNeverTheNumericId() throws Exception {
        var post = new ObjectMapper().readTree("{\"id\":3504803600500000,\"mid\":\"3504803600502730\",\"idstr\":\"3504803600502730\"}");
        assertThat(WeiboIds.of(post, "idstr", "mid")).isEqualTo("3504803600502730");
        assertThat(WeiboIds.of(post, "id")).isEqualTo("3504803600500000");
        assertThat(WeiboIds.of(new ObjectMapper().readTree("{\"id\":3.5048036005027E15}"), "id")).isNull();
    }

    @Test
    void eachClassOfErrorCode() {
        assertThat(WeiboErrors.of(10001)).isEqualTo(Action.RETRY);
        assertThat(WeiboErrors.of(10002)).isEqualTo(Action.RETRY);
        assertThat(WeiboErrors.of(10023)).isEqualTo(Action.RATE_LIMITED);
        assertThat(WeiboErrors.of(10022)).isEqualTo(Action.RATE_LIMITED);
        assertThat(WeiboErrors.of(21327)).isEqualTo(Action.TOKEN);
        assertThat(WeiboErrors.of(21332)).isEqualTo(Action.TOKEN);
        assertThat(WeiboErrors.of(20019)).isEqualTo(Action.REPEATED);
        assertThat(WeiboErrors.of(10017)).isEqualTo(Action.PERMANENT);
        assertThat(WeiboErrors.of(10018)).isEqualTo(Action.PERMANENT);
        assertThat(WeiboErrors.of(20012)).isEqualTo(Action.PERMANENT);
    }
}
