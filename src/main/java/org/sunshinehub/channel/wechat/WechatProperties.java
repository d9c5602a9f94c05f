package org.sunshinehub.channel.wechat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sunshine.wechat.*}.
 *
 * @param accounts       the official accounts by name (the name is the callback path segment)
 * @param pushAccount    the account push plans send through; default: the only one
 * @param feedbackWindow a message without a reply code answers the latest item pushed to its sender this long ago
 * @param answerWindow   how long after a citizen's last message staff may answer (WeChat allows 48 h)
 * @param callbackWindow a callback whose {@code timestamp} is further than this from the hub's clock, either way,
 *                       is refused (403): a captured signature is good for this long only
 */
@Validated
@ConfigurationProperties("sunshine.wechat")
record WechatProperties(@NotNull @DefaultValue Map<String, @Valid Account> accounts, String pushAccount,
                        @NotNull @DefaultValue("72h") Duration feedbackWindow,
                        @NotNull @DefaultValue("48h") Duration answerWindow,
                        @NotNull @DefaultValue("5m") Duration callbackWindow) {

    enum Mode { PLAIN, COMPATIBLE, SAFE }

    /**
     * @param token          the callback token set on the WeChat admin page
     * @param aesKey         the 43-character EncodingAESKey (needed unless the mode is plain)
     * @param apiBaseUrl     WeChat's API host (the sandbox in the demo)
     * @param openBaseUrl    WeChat's web-authorization host (open.weixin.qq.com; the sandbox in the demo)
     * @param templateIds    template id per template name ({@code disclosure}, {@code consultation} …)
     * @param defaultTopics  topics a new follower starts with
     * @param welcome        the passive reply to a follow, before the topic list
     * @param acknowledgement the passive reply to a message taken as feedback
     * @param menu           the custom menu published by {@code POST /api/wechat/{account}/menu}
     */
    record Account(@NotBlank String appId, String secret,
                   @NotBlank @Pattern(regexp = "[A-Za-z0-9]{3,32}", message = "须为 3-32 位字母或数字") String token,
                   @Pattern(regexp = "[A-Za-z0-9+/]{43}", message = "须为 43 位 EncodingAESKey") String aesKey,
                   @NotNull @DefaultValue("SAFE") Mode mode,
                   @NotBlank @DefaultValue("https://api.weixin.qq.com") String apiBaseUrl,
                   @NotBlank @DefaultValue("https://open.weixin.qq.com") String openBaseUrl,
                   @NotNull @DefaultValue Map<String, String> templateIds,
                   @NotNull @DefaultValue List<String> defaultTopics,
                   @NotNull @DefaultValue("感谢关注！我们会把政府信息及时推送给您。") String welcome,
                   @NotNull @DefaultValue("您的留言已收到，我们会认真研究处理。") String acknowledgement,
                   @NotNull @DefaultValue List<@Valid MenuButton> menu) {

        @AssertTrue(message = "兼容模式和安全模式须配置 aes-key")
        boolean isAesKeyPresentWhenNeeded() {
            return mode == Mode.PLAIN || aesKey != null;
        }

        @Override
        public String toString() {
            return "Account[appId=" + appId + ", mode=" + mode + ", apiBaseUrl=" + apiBaseUrl
                    + ", secret=<hidden>, token=<hidden>, aesKey=<hidden>]";
        }
    }

    /**
     * A menu button: {@code topic} makes a CLICK button that subscribes to that topic; {@code key} a CLICK button
     * with that key ({@code MY_TOPICS} lists the follower's topics); {@code url} a VIEW button; {@code buttons} a
     * sub-menu.
     */
    record MenuButton(@NotBlank String name, String topic, String key, String url, List<@Valid MenuButton> buttons) {
    }

    @Override
    public String toString() {
        return "WechatProperties[accounts=" + accounts + ", pushAccount=" + pushAccount + "]";
    }
}
