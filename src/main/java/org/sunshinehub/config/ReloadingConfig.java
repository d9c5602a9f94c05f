package org.sunshinehub.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One YAML (or JSON) file, or a folder of them, that operators may edit while the hub runs. Each {@link #get()}
 * compares modification times and sizes with the last read and re-reads on change. A folder is read as one
 * object mapping each file name to its content. A broken edit is logged with its reason and the last good
 * version stays in force; a broken file at start fails the start.
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
        try {
            if (stamp == null) {
                return parser.apply(readDefault());
            }
            if (Files.isDirectory(file)) {
                ObjectNode all = YAML.createObjectNode();
                for (Path part : filesIn(file)) {
                    all.set(part.getFileName().toString(), tree(Files.newInputStream(part), part.toString()));
                }
                return parser.apply(all);
            }
            return parser.apply(tree(Files.newInputStream(file), file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode readDefault() throws IOException {
        if (classpathDefault.endsWith("/")) {
            ObjectNode all = YAML.createObjectNode();
            for (Resource part : new PathMatchingResourcePatternResolver().getResources("classpath:" + classpathDefault + "*")) {
                all.set(part.getFilename(), tree(part.getInputStream(), "classpath:" + classpathDefault + part.getFilename()));
            }
            return all;
        }
        return tree(new ClassPathResource(classpathDefault).getInputStream(), "classpath:" + classpathDefault);
    }

    /** JSON is YAML too, so one reader serves both. */
    private static JsonNode tree(InputStream stream, String where) {
        try (InputStream in = stream) {
            JsonNode tree = YAML.readTree(in);
            return tree == null ? YAML.createObjectNode() : tree;
        } catch (IOException e) {
            throw new IllegalArgumentException(where + " is not readable YAML/JSON: " + e.getMessage(), e);
        }
    }

    private static java.util.List<Path> filesIn(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
        }
    }

    private String describe(Object stamp) {
        return stamp == null ? "classpath:" + classpathDefault : file.toString();
    }

    /** Modification times and sizes (of each file in a folder), or null when there is nothing on disk. */
    private static Object stampOf(Path file) {
        try {
            if (Files.isDirectory(file)) {
                java.util.List<Path> files = filesIn(file);
                if (files.isEmpty()) {
                    return null;
                }
                StringBuilder stamp = new StringBuilder();
                for (Path part : files) {
                    stamp.append(part.getFileName()).append('@').append(stampOf(part)).append(';');
                }
                return stamp.toString();
            }
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.lastModifiedTime().toString() + "/" + a.size();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
