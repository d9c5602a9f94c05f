package org.sunshinehub.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** Hands out {@link ReloadingConfig}s for files in the config folder. */
@Component
public class ConfigFiles {

    private final ConfigDirProperties properties;

    ConfigFiles(ConfigDirProperties properties) {
        this.properties = properties;
    }

    /**
     * @param name   the file name, e.g. {@code negative-list.yaml}; {@code defaults/config/<name>} in the jar is
     *               used while the folder has none
     * @param parser turns the YAML tree into the typed value; throws {@link IllegalArgumentException} with a
     *               reason an operator can act on
     */
    public <T> ReloadingConfig<T> watch(String name, Function<JsonNode, T> parser) {
        return new ReloadingConfig<>(properties.configDir().resolve(name), "defaults/config/" + name, parser);
    }

    /**
     * A folder of YAML/JSON files, read as one object of file name → content.
     *
     * @param folder e.g. {@code calendar}; {@code defaults/config/<folder>/} in the jar is used while it is empty
     */
    public <T> ReloadingConfig<T> watchFolder(String folder, Function<JsonNode, T> parser) {
        return new ReloadingConfig<>(properties.configDir().resolve(folder), "defaults/config/" + folder + "/", parser);
    }
}
