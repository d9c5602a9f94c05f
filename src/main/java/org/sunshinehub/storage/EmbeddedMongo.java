package org.sunshinehub.storage;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a MongoDB-wire-compatible server on a loopback port, so the hub talks to it through
 * the same driver and the same code paths as to a real MongoDB.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final MongoServer server;
    private final String connectionString;

    private EmbeddedMongo(MongoBackend backend, int port) {
        this.server = new MongoServer(backend);
        server.bind("localhost", port);
        this.connectionString = server.getConnectionString();
    }

    /** A durable store in {@code dataDir/sunshine.mv.db}. */
    public static EmbeddedMongo durable(Path dataDir) {
        return durable(dataDir, 0);
    }

    /** On a given port (0: any free one), so a store restarted after {@code kill -9} is found where it was. */
    static EmbeddedMongo durable(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data dir " + dataDir, e);
        }
        Path file = dataDir.resolve("sunshine.mv.db").toAbsolutePath();
        EmbeddedMongo mongo = new EmbeddedMongo(DurableH2Backend.open(file.toString()), port);
        log.info("Embedded MongoDB (file {}) listening at {}", file, mongo.connectionString);
        return mongo;
    }

    public static EmbeddedMongo inMemory() {
        EmbeddedMongo mongo = new EmbeddedMongo(new SerialMemoryBackend(), 0);
        log.info("Embedded MongoDB (in memory, not durable) listening at {}", mongo.connectionString);
        return mongo;
    }

    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
