package org.sunshinehub.publicpages;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sunshine.public-pages.*}.
 *
 * @param anonymousOpinions opinions without a verified phone (an office's choice; off by default)
 * @param maxOpinionLength  characters an opinion may have
 * @param codes             the one-time SMS codes
 */
@Validated
@ConfigurationProperties("sunshine.public-pages")
record PublicPageProperties(@DefaultValue("false") boolean anonymousOpinions,
                            @Min(10) @Max(20_000) @DefaultValue("2000") int maxOpinionLength,
                            @Valid @NotNull @DefaultValue Codes codes) {

    /**
     * @param validFor    how long a code may be used
     * @param maxAttempts wrong entries before a code is void
     * @param resendAfter the least time between two codes to one phone for one purpose
     */
    record Codes(@NotNull @DefaultValue("5m") Duration validFor,
                 @Min(1) @Max(10) @DefaultValue("5") int maxAttempts,
                 @NotNull @DefaultValue("60s") Duration resendAfter) {
    }
}
