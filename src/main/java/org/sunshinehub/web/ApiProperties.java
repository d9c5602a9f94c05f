package org.sunshinehub.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param keys         full staff-automation {@code X-Api-Key} values ({@code sunshine.api.keys}, comma-separated);
 *                     empty means a random demo key is made and printed at start
 * @param clients      system callers with keys of their own, each reaching only its scopes
 * @param maxBodySize  larger request bodies are refused with 413
 * @param maxImportSize the cap for bulk imports ({@code POST /api/subscribers/import}), which stream
 * @param maxWechatCallbackSize the cap for WeChat callbacks (a real one is a few KiB)
 * @param maxBodyReaders how many requests may read a body at once, per kind (callbacks, API): the rest get 503 at
 *                     once, so slow senders can never hold every request thread
 * @param bodyReadTimeout a request whose body sends nothing for this long is cut off (Tomcat's upload timeout)
 */
@Validated
@ConfigurationProperties("sunshine.api")
record ApiProperties(@NotNull @DefaultValue List<String> keys, @NotNull @DefaultValue List<@Valid Client> clients,
                     @NotNull @DefaultValue("1MB") DataSize maxBodySize,
                     @NotNull @DefaultValue("64MB") DataSize maxImportSize,
                     @NotNull @DefaultValue("64KB") DataSize maxWechatCallbackSize,
                     @DefaultValue("50") int maxBodyReaders,
                     @NotNull @DefaultValue("20s") Duration bodyReadTimeout) {

    /**
     * @param name   who calls (the principal name, e.g. {@code oa-intake})
     * @param key    its {@code X-Api-Key}, at least 24 characters
     * @param scopes what it may reach
     */
    record Client(@NotBlank String name, @NotNull @Size(min = 24, message = "须至少 24 位") String key,
                  @NotEmpty Set<ApiScope> scopes) {

        @Override
        public String toString() {
            return "Client[name=" + name + ", key=<hidden>, scopes=" + scopes + "]";
        }
    }

    @Override
    public String toString() {
        return "ApiProperties[keys=<" + keys.size() + " hidden>, clients=" + clients + ", maxBodySize=" + maxBodySize
                + ", maxImportSize=" + maxImportSize + ", maxWechatCallbackSize=" + maxWechatCallbackSize
                + ", maxBodyReaders=" + maxBodyReaders + ", bodyReadTimeout=" + bodyReadTimeout + "]";
    }
}
