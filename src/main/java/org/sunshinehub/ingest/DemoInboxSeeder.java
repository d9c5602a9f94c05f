package org.sunshinehub.ingest;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sunshinehub.storage.MongoErrors;

/**
 * Demo only: on the first start of a database, copies the sample OA files into the drop folder so a newcomer
 * sees the OA route work. Marked done in MongoDB so a restart does not copy them again.
 */
@Component
class DemoInboxSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoInboxSeeder.class);
    private static final String MARKER = "demo-inbox-seeded";

    private final IngestProperties properties;
    private final MongoDatabase database;

    DemoInboxSeeder(IngestProperties properties, MongoDatabase database) {
        this.properties = properties;
        this.database = database;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() throws IOException {
        Path samples = properties.demo().seedInboxFrom();
        if (samples == null || !Files.isDirectory(samples) || !markSeeded()) {
            return;
        }
        Files.createDirectories(properties.inboxDir());
        try (Stream<Path> files = Files.list(samples)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                // Copy under a temporary name and rename, so the route never sees a half-written file.
                Path tmp = properties.inboxDir().resolve(file.getFileName() + ".part");
                Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, properties.inboxDir().resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        log.info("Demo: copied the sample OA files from {} into the drop folder {}", samples, properties.inboxDir());
    }

    /** @return true the first time only */
    private boolean markSeeded() {
        return MongoErrors.insertIfAbsent(database.getCollection("meta"), new Document("_id", MARKER));
    }
}
