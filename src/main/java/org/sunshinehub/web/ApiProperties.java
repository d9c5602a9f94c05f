package org.sunshinehub.web;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param keys         accepted {@code X-Api-Key} values ({@code sunshine.api.keys}, comma-separated); empty means
 *                     a random demo key is made and printed at start
 * @param maxBodySize  larger request bodies are refused with 413
 * @param maxImportSize the cap for bulk imports ({@code POST /api/subscribers/import}), which stream
 * @param maxWechatCallbackSize the cap for WeChat callbacks (a real one is a few KiB)
 */
@Validated
@ConfigurationProperties("sunshine.api")
record ApiProperties(@NotNull @DefaultValue List<String> keys, @NotNull @DefaultValue("1MB") DataSize maxBodySize,
                     @NotNull @DefaultValue("64MB") DataSize maxImportSize,
                     @NotNull @DefaultValue("64KB") DataSize maxWechatCallbackSize) {

    @Override
    public String toString() {
        return "ApiProperties[keys=<" + keys.size() + " hidden>, maxBodySize=" + maxBodySize + ", maxImportSize="
                + maxImportSize + ", maxWechatCallbackSize=" + maxWechatCallbackSize + "]";
    }
}
