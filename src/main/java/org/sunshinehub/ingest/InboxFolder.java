package org.sunshinehub.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where a drop-folder file ends: {@code .done/} or {@code .failed/} beside it, under its own name or
 * {@code name-2.json}, {@code name-3.json} … so nothing is overwritten. Moves rename the entry itself (a link
 * stays a link, its target untouched); notes are created new ({@code O_EXCL}), so a planted link is never
 * written through.
 */
final class InboxFolder {

    static final String DONE = ".done";
    static final String FAILED = ".failed";
    private static final int MAX_TRIES = 1_000;

    private InboxFolder() {
    }

    /** @return the name the file now has in {@code folder} */
    static String moveInto(Path file, String folder) throws IOException {
        Path dir = Files.createDirectories(file.resolveSibling(folder));
        IOException last = null;
        for (String name : candidates(file, dir)) {
            try {
                Files.move(file, dir.resolve(name), LinkOption.NOFOLLOW_LINKS);
                return name;
            } catch (FileAlreadyExistsException taken) {
                last = taken;
            }
        }
        throw last;
    }

    /** Writes {@code <name>.error.txt} in {@code .failed/} and moves the file beside it. */
    static String fail(Path file, String note) throws IOException {
        Path dir = Files.createDirectories(file.resolveSibling(FAILED));
        for (String name : candidates(file, dir)) {
            try {
                Files.writeString(dir.resolve(name + ".error.txt"), note, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            Files.move(file, dir.resolve(name), LinkOption.NOFOLLOW_LINKS);
            return name;
        }
        throw new FileAlreadyExistsException(file.getFileName().toString());
    }

    /** The file's name, then name-2, name-3 … among those free in {@code dir} (a note counts as taken). */
    private static Iterable<String> candidates(Path file, Path dir) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        return () -> java.util.stream.IntStream.rangeClosed(1, MAX_TRIES)
                .mapToObj(n -> n == 1 ? name : stem + "-" + n + ext)
                .filter(c -> !exists(dir.resolve(c)) && !exists(dir.resolve(c + ".error.txt")))
                .iterator();
    }

    private static boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }
}
