package org.sunshinehub.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.sunshinehub.content.ItemKind;

/**
 * @param inboxDir         the OA drop folder ({@code sunshine.inbox-dir}); the route reads it too
 * @param maxInboxFileSize a larger drop-folder file is refused
 * @param inboxStableFor   a drop-folder file is read only once it has not changed for this long
 * @param feeds            website columns by name ({@code sunshine.feeds.<name>.*})
 * @param demo             demo data for the embedded default
 */
@Validated
@ConfigurationProperties("sunshine")
record IngestProperties(@NotNull Path inboxDir, @NotNull @DefaultValue("1MB") DataSize maxInboxFileSize,
                        @NotNull @DefaultValue("1s") Duration inboxStableFor,
                        @Valid @NotNull @DefaultValue Map<String, Feed> feeds, @NotNull @DefaultValue Demo demo) {

    /**
     * @param url          {@code file:} path or {@code http(s)://} address of an RSS 2.0 or Atom column
     * @param kind         what its entries are
     * @param category     category given to every entry (falls back to the entry's own)
     * @param issuer       issuer given to every entry (falls back to the feed title)
     * @param pollInterval how often it is read
     * @param preApproved  the column is already public: its items need no review
     */
    record Feed(@NotBlank @Pattern(regexp = "(file:|https?://).+", message = "须以 file:、http:// 或 https:// 开头") String url,
                @NotNull @DefaultValue("DISCLOSURE") ItemKind kind, String category, String issuer,
                @NotNull @DefaultValue("5m") Duration pollInterval, @DefaultValue("false") boolean preApproved) {
    }

    /** @param seedInboxFrom a folder whose OA sample files are copied into the inbox on the first start */
    record Demo(Path seedInboxFrom) {
    }
}
