package org.sunshinehub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingConfigUnitTests {

    @TempDir
    Path dir;

    private static String limit(JsonNode root) {
        if (!root.path("limit").isInt()) {
            throw new IllegalArgumentException("limit must be a number");
        }
        return "limit=" + root.get("limit").asInt();
    }

    private ReloadingConfig<String> watch(String name) {
        return new ConfigFiles(new ConfigDirProperties(dir)).watch(name, ReloadingConfigUnitTests::limit);
    }

    @Test
    void anEditIsPickedUpAndABrokenEditKeepsTheLastGoodVersion() throws IOException {
        Files.writeString(dir.resolve("x.yaml"), "limit: 1\n");
        ReloadingConfig<String> config = watch("x.yaml");

        Files.writeString(dir.resolve("x.yaml"), "limit: 22\n");
        String edited = config.get();
        Files.writeString(dir.resolve("x.yaml"), "limit: [not a number\n");
        String afterBrokenEdit = config.get();

        assertThat(edited).isEqualTo("limit=22");
        assertThat(afterBrokenEdit).isEqualTo("limit=22");
    }

    @Test
    void aFolderIsReadAsOneObjectAndANewFileIsPickedUp() throws IOException {
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("calendar"));
        Files.writeString(folder.resolve("2025.json"), "{\"2025\": {}}");
        ReloadingConfig<String> years = new ConfigFiles(new ConfigDirProperties(dir))
                .watchFolder("calendar", root -> String.join(",", (Iterable<String>) root::fieldNames));

        String before = years.get();
        Files.writeString(folder.resolve("2026.yaml"), "'2026': {}\n");
        Files.writeString(folder.resolve("notes.txt"), "ignored");

        assertThat(before).isEqualTo("2025.json");
        assertThat(years.get()).isEqualTo("2025.json,2026.yaml");
    }

    @Test
    void aBrokenFileFailsAtStart() throws IOException {
        Files.writeString(dir.resolve("x.yaml"), "limit: no\n");

        assertThatThrownBy(() -> watch("x.yaml")).hasMessageContaining("limit must be a number");
    }

    @Test
    void withoutAFileTheJarDefaultIsUsed() {
        ReloadingConfig<String> review = new ConfigFiles(new ConfigDirProperties(dir))
                .watch("review.yaml", root -> root.path("default").toString());

        assertThat(review.get()).contains("初审");
    }
}
