package org.sunshinehub.config;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param configDir the folder operators edit ({@code sunshine.config-dir}) */
@Validated
@ConfigurationProperties("sunshine")
record ConfigDirProperties(@NotNull @DefaultValue("./config") Path configDir) {
}
