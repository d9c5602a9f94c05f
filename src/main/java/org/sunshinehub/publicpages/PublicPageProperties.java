package org.sunshinehub.publicpages;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sunshine.public-pages.*}.
 *
 * @param anonymousOpinions opinions without a verified phone (an office's choice; off by default)
 * @param maxOpinionLength  characters an opinion may have
 * @param codes             the one-time SMS codes
 * @param limits            how often one client address and one phone may use each public form
 * @param topics            the topics the subscription page offers (besides those a citizen already has)
 */
@Validated
@ConfigurationProperties("sunshine.public-pages")
record PublicPageProperties(@DefaultValue("false") boolean anonymousOpinions,
                            @Min(10) @Max(20_000) @DefaultValue("2000") int maxOpinionLength,
                            @Valid @NotNull @DefaultValue Codes codes,
                            @Valid @NotNull @DefaultValue Limits limits,
                            @NotEmpty @DefaultValue({"政策文件", "政策解读", "社会救助", "养老服务"}) List<String> topics) {

    /**
     * @param validFor    how long a code may be used
     * @param maxAttempts wrong entries before a code is void
     * @param resendAfter the least time between two codes to one phone for one purpose
     */
    record Codes(@NotNull @DefaultValue("5m") Duration validFor,
                 @Min(1) @Max(10) @DefaultValue("5") int maxAttempts,
                 @NotNull @DefaultValue("60s") Duration resendAfter) {
    }

    /** @param per the window in which at most {@code count} requests are taken; written {@code 5/1h} */
    record Limit(@Min(1) int count, @NotNull Duration per) {

        /** Spring's converter finds this: {@code "5/1h"} is five an hour. */
        public static Limit valueOf(String spec) {
            String[] parts = spec.strip().split("\\s*/\\s*");
            if (parts.length != 2) {
                throw new IllegalArgumentException("须写作 次数/时长，如 5/1h");
            }
            return new Limit(Integer.parseInt(parts[0]), DurationStyle.detectAndParse(parts[1]));
        }
    }

    /**
     * Per client address: code requests, code entries, opinions, subscription changes; per phone: code requests;
     * per verified citizen (phone or openid): opinions (a phone's code entries are bounded by {@link Codes#maxAttempts}).
     */
    record Limits(@Valid @NotNull @DefaultValue("20/1h") Limit codesPerAddress,
                  @Valid @NotNull @DefaultValue("5/1h") Limit codesPerPhone,
                  @Valid @NotNull @DefaultValue("60/1h") Limit verificationsPerAddress,
                  @Valid @NotNull @DefaultValue("30/1h") Limit opinionsPerAddress,
                  @Valid @NotNull @DefaultValue("10/1h") Limit opinionsPerCitizen,
                  @Valid @NotNull @DefaultValue("30/1h") Limit subscriptionsPerAddress) {

        Limit perAddress(PublicLimits.Action action) {
            return switch (action) {
                case CODE -> codesPerAddress;
                case VERIFY -> verificationsPerAddress;
                case OPINION -> opinionsPerAddress;
                case SUBSCRIBE -> subscriptionsPerAddress;
            };
        }

        Limit perCitizen(PublicLimits.Action action) {
            return switch (action) {
                case CODE -> codesPerPhone;
                case VERIFY, SUBSCRIBE -> throw new IllegalArgumentException(action + " is limited per address only");
                case OPINION -> opinionsPerCitizen;
            };
        }
    }
}
