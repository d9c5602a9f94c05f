package org.sunshinehub.channel.app;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sunshine.app.jpush.*}; without an app key the app channel is off.
 *
 * @param baseUrl        JPush's API host (the sandbox in the demo)
 * @param apnsProduction whether iOS notifications go to APNs production
 * @param timeToLive     how long JPush keeps a notification for an offline device
 * @param timeout        how long to wait for JPush's answer; a timed-out request is retried with the same cid
 */
@Validated
@ConfigurationProperties("sunshine.app.jpush")
record JPushProperties(String appKey, String masterSecret,
                       @NotBlank @DefaultValue("https://api.jpush.cn") String baseUrl,
                       @DefaultValue("false") boolean apnsProduction,
                       @NotNull @DefaultValue("1d") Duration timeToLive,
                       @NotNull @DefaultValue("10s") Duration timeout) {

    @Override
    public String toString() {
        return "JPushProperties[appKey=" + appKey + ", masterSecret=<hidden>, baseUrl=" + baseUrl + "]";
    }
}
