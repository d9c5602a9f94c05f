package org.sunshinehub.storage;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend only commits on H2's ~1 s background timer, so a {@code kill -9} loses
 * writes the client already saw acknowledged. Here no reply leaves before the commit and fsync that cover what
 * it reports: its own writes, and the unsynced writes its reads could have seen (so no client acts on data a
 * crash can still take back). Commands run one at a time, for MongoDB's single-document atomicity (see
 * {@link SerialMemoryBackend}); their replies wait together, so one sync answers them all ({@link GroupCommit}).
 */
final class DurableH2Backend extends H2Backend {

    /** Fair, so the committer gets its turn between two commands even while every connection is busy. */
    private final ReentrantLock commands = new ReentrantLock(true);
    private final MVStore store;
    private final GroupCommit commits;

    private DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
        this.commits = new GroupCommit(store, commands);
    }

    static DurableH2Backend open(String file) {
        MVStore store = new MVStore.Builder().fileName(file).autoCommitDisabled().open();
        // Without this the file keeps every old chunk around and grows by tens of KB per commit.
        store.setRetentionTime(0);
        return new DurableH2Backend(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return IndexedH2Database.open(this, databaseName, getCursorRegistry());
    }

    /** Runs on the connection's event loop; the reply it returns is held by {@link HeldReplies}. */
    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        HeldReplies replies = HeldReplies.on(channel, commits);
        CommandScope scope = CommandScope.of(database, command, query);
        commands.lock();
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            try {
                replies.nextReplyWaitsFor(commits.ran(scope, store.hasUnsavedChanges()));
            } finally {
                commands.unlock(); // also when a failed store throws from hasUnsavedChanges
            }
        }
    }

    @Override
    public void close() {
        commits.close();
        super.close();
    }
}
