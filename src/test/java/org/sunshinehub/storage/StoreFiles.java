package org.sunshinehub.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.function.Consumer;
import org.bson.Document;
import org.h2.mvstore.MVStore;

/** Store files written and read back through a backend, for the tests of the durable store's own types. */
final class StoreFiles {

    private StoreFiles() {
    }

    /**
     * mongo-java-server's H2 backend as it comes, to write a file the way earlier versions of the hub left it.
     * Without H2's background writer: its commits change the key type's remembered kind of value while a command
     * compares keys of mixed kinds (strings and ObjectIds), which fails at random with "Can not compare". The
     * store commits as it closes.
     */
    static H2Backend plain(String file) {
        return new H2Backend(new MVStore.Builder().fileName(file).autoCommitDisabled().open());
    }

    /** Serves the backend, hands {@code sunshine.things} to the work through the real driver, then shuts down. */
    static void run(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            work.accept(client.getDatabase("sunshine").getCollection("things"));
        } finally {
            server.shutdown();
        }
    }
}
