package org.sunshinehub.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * An in-memory embedded store and two clients of it over the real driver, as two instances sharing one database.
 * Close it after each test.
 */
public final class SharedStore implements AutoCloseable {

    private MongoServer server;
    private final int port;
    private final MongoClient first;
    private final MongoClient second;

    public SharedStore() {
        server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        port = server.getLocalAddress().getPort();
        first = MongoClients.create(uri);
        second = MongoClients.create(uri);
    }

    /** The database as the first instance sees it. */
    public MongoDatabase first() {
        return first.getDatabase("sunshine");
    }

    /** The database as the second instance sees it. */
    public MongoDatabase second() {
        return second.getDatabase("sunshine");
    }

    public int port() {
        return port;
    }

    /** The store goes away (an outage); {@link #restart()} brings an empty one back on the same port. */
    public void stop() {
        server.shutdownNow();
    }

    public void restart() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
    }

    @Override
    public void close() {
        first.close();
        second.close();
        server.shutdownNow();
    }
}
