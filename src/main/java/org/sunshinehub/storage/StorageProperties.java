package org.sunshinehub.storage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param dataDir  where the embedded store keeps its file ({@code sunshine.data-dir})
 * @param mongo    connection settings ({@code sunshine.mongo.*})
 */
@Validated
@ConfigurationProperties("sunshine")
record StorageProperties(@NotNull @DefaultValue("./data") Path dataDir, @NotNull @DefaultValue Mongo mongo) {

    /**
     * @param uri      a real MongoDB (6+); blank means "start the embedded default"
     * @param database database name
     * @param embedded {@code file} (durable, the default) or {@code memory} (benchmarks, throw-away demos)
     */
    record Mongo(String uri, @NotBlank @DefaultValue("sunshine") String database,
                 @NotNull @DefaultValue("file") EmbeddedMode embedded) {

        boolean external() {
            return uri != null && !uri.isBlank();
        }

        /** The URI carries credentials: never print it. */
        @Override
        public String toString() {
            return "Mongo[uri=" + (external() ? "<set>" : "<embedded>") + ", database=" + database
                    + ", embedded=" + embedded + "]";
        }
    }

    enum EmbeddedMode { FILE, MEMORY }
}
