package org.sunshinehub.ingest;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Which drop-folder files have stopped changing: a file is settled once its size, modification time and identity
 * were the same at every look for at least {@code stableFor} of real (monotonic) time, so a writer that pauses
 * half-way shorter than that is never read half-way. The hub's clock is not used: tests move it at will.
 */
final class SettledFiles {

    private record Seen(Object key, long size, long modified, long since) {
    }

    private final Map<Path, Seen> seen = new HashMap<>();
    private final LongSupplier nanos;

    SettledFiles(LongSupplier nanos) {
        this.nanos = nanos;
    }

    boolean settled(Path file, BasicFileAttributes attributes, Duration stableFor) {
        long now = nanos.getAsLong();
        Seen look = new Seen(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime().toMillis(), now);
        Seen before = seen.get(file);
        if (before == null || !sameFile(before, look)) {
            seen.put(file, look);
            return false;
        }
        return now - before.since() >= stableFor.toNanos();
    }

    /** Forgets what is no longer in the folder, so the map stays as small as the folder. */
    void retainOnly(Set<Path> present) {
        seen.keySet().retainAll(present);
    }

    void forget(Path file) {
        seen.remove(file);
    }

    private static boolean sameFile(Seen a, Seen b) {
        return Objects.equals(a.key(), b.key()) && a.size() == b.size() && a.modified() == b.modified();
    }
}
