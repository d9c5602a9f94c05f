package org.sunshinehub.web;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param apiKeys the keys of the office's app backend ({@code sunshine.app.api-keys}): they open {@code /api/app/**}
 *                and nothing else; staff keys do not open it. Empty: a random demo key is made and printed.
 */
@Validated
@ConfigurationProperties("sunshine.app")
record AppApiProperties(@NotNull @DefaultValue List<String> apiKeys) {

    @Override
    public String toString() {
        return "AppApiProperties[apiKeys=<" + apiKeys.size() + " hidden>]";
    }
}
