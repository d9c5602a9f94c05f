package org.sunshinehub.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;

/**
 * One YAML file that operators may edit while the hub runs. Each {@link #get()} compares the file's
 * modification time and size with the last read (one stat call) and re-reads on change. A broken edit is
 * logged with its reason and the last good version stays in force; a broken file at start fails the start.
 */
public final class ReloadingConfig<T> {

    private static final Logger log = LoggerFactory.getLogger(ReloadingConfig.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path file;
    private final String classpathDefault;
    private final Function<JsonNode, T> parser;
    private Object stamp;
    private T current;

    ReloadingConfig(Path file, String classpathDefault, Function<JsonNode, T> parser) {
        this.file = file;
        this.classpathDefault = classpathDefault;
        this.parser = parser;
        this.stamp = stampOf(file);
        this.current = read(stamp);
    }

    public synchronized T get() {
        Object now = stampOf(file);
        if (!Objects.equals(now, stamp)) {
            stamp = now;
            try {
                current = read(now);
                log.info("Reloaded {}", describe(now));
            } catch (RuntimeException e) {
                log.error("Ignoring the edit of {} (keeping the previous version): {}", file, e.getMessage());
            }
        }
        return current;
    }

    private T read(Object stamp) {
        try (InputStream in = stamp == null ? new ClassPathResource(classpathDefault).getInputStream()
                : Files.newInputStream(file)) {
            JsonNode tree = YAML.readTree(in);
            return parser.apply(tree == null ? YAML.createObjectNode() : tree);
        } catch (IOException e) {
            throw new IllegalArgumentException(describe(stamp) + " is not readable YAML: " + e.getMessage(), e);
        }
    }

    private String describe(Object stamp) {
        return stamp == null ? "classpath:" + classpathDefault : file.toString();
    }

    /** Modification time and size, or null when the file does not exist. */
    private static Object stampOf(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.lastModifiedTime().toString() + "/" + a.size();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
