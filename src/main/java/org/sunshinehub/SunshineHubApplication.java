package org.sunshinehub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import java.time.Clock;
import java.time.ZoneId;

/** Sunshine Hub (阳光政务推送中枢): collects government items, gates and reviews them, pushes them to citizens. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SunshineHubApplication {

    /** The hub's time zone: deadlines, quiet hours and displayed times are Beijing time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static void main(String[] args) {
        SpringApplication.run(SunshineHubApplication.class, args);
    }

    /** Replaceable (tests run the hub on a clock they move). */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(ZONE);
    }
}
