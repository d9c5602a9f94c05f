package org.sunshinehub.dispatch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.sunshinehub.channelkind.ChannelKind;

/**
 * {@code sunshine.dispatch.*}.
 *
 * @param workers       threads sending blocks
 * @param lease         how long a claimed block is a worker's before another may take it over
 * @param pollInterval  how long an idle worker waits before looking for work again
 * @param sweepInterval how often expired leases are looked for (a full scan of the blocks: keep it rare)
 * @param maxAttempts   tries per delivery before it is FAILED with the last reason
 * @param backoffInitial first retry delay; doubled each time, with jitter, up to {@code backoffMax}
 * @param holdRetry     how long a block waits when its channel is held (see {@code SendOutcome.hold})
 * @param fallbackAfter in a fallback plan, how long a delivery has to be confirmed before the next channel is tried
 * @param dueSweep      how often deliveries due for a fallback, and digests due, are looked for
 * @param receiptWait   how long a push waits for the receipts of its sent messages before it counts as completed
 * @param templatesDir  Freemarker templates, {@code <channel>/<kind>.ftl}; the jar's copies are the fallback
 * @param channels      per channel: provider QPS, quiet hours, block size
 */
@Validated
@ConfigurationProperties("sunshine.dispatch")
record DispatchProperties(@Min(1) @Max(64) @DefaultValue("4") int workers,
                          @NotNull @DefaultValue("5m") Duration lease,
                          @NotNull @DefaultValue("200ms") Duration pollInterval,
                          @NotNull @DefaultValue("1m") Duration sweepInterval,
                          @Min(1) @DefaultValue("8") int maxAttempts,
                          @NotNull @DefaultValue("2s") Duration backoffInitial,
                          @NotNull @DefaultValue("5m") Duration backoffMax,
                          @NotNull @DefaultValue("5m") Duration holdRetry,
                          @NotNull @DefaultValue("30m") Duration fallbackAfter,
                          @NotNull @DefaultValue("5s") Duration dueSweep,
                          @NotNull @DefaultValue("72h") Duration receiptWait,
                          @NotNull @DefaultValue("./templates") Path templatesDir,
                          @Valid @NotNull @DefaultValue Map<ChannelKind, ChannelSettings> channels) {

    ChannelSettings channel(ChannelKind kind) {
        return channels.getOrDefault(kind, ChannelSettings.DEFAULT);
    }

    /**
     * @param qps        provider requests per second per provider account, shared by every instance on the database
     * @param quietHours e.g. {@code 22:00-08:00} (Beijing time): non-urgent sends wait for its end; blank = none
     * @param batchSize  deliveries per claimed block (SMS: up to 1000 numbers per SendSms)
     * @param dailyCap   non-urgent messages a citizen gets on this channel per day (Beijing date); 0: no cap
     */
    record ChannelSettings(@Positive @DefaultValue("20") double qps,
                           @Pattern(regexp = "|\\d{2}:\\d{2}-\\d{2}:\\d{2}", message = "须为 HH:mm-HH:mm") String quietHours,
                           @Min(1) @Max(10_000) @DefaultValue("1000") int batchSize,
                           @Min(0) @DefaultValue("0") int dailyCap) {

        static final ChannelSettings DEFAULT = new ChannelSettings(20, "", 1000, 0);
    }
}
