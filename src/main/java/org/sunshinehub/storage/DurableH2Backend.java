package org.sunshinehub.storage;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend only commits on H2's ~1 s background timer, so a {@code kill -9} loses
 * writes the client already saw acknowledged. This one commits and fsyncs before every reply that follows a
 * change: an acknowledged write is on disk.
 */
final class DurableH2Backend extends H2Backend {

    private final MVStore store;

    private DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    static DurableH2Backend open(String file) {
        MVStore store = new MVStore.Builder().fileName(file).autoCommitDisabled().open();
        // Without this the file keeps every old chunk around and grows by tens of KB per commit.
        store.setRetentionTime(0);
        return new DurableH2Backend(store);
    }

    @Override
    public synchronized Document handleCommand(Channel channel, String database, String command, Document query) {
        Document reply = super.handleCommand(channel, database, command, query);
        if (store.hasUnsavedChanges()) {
            store.commit();
            store.sync();
        }
        return reply;
    }
}
