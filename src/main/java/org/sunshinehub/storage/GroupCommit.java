package org.sunshinehub.storage;

import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One commit and one fsync for every reply waiting at that moment. Commands number their writes as they run
 * (one at a time, under the backend's lock); a committer thread commits under the same lock, so a commit
 * always ends between two commands, then syncs outside it while the next commands run, then lets go the
 * replies whose writes — and whose reads' writes — the sync covered. A failed commit or sync answers no one:
 * those connections are closed, and the driver reports the write as failed.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final MVStore store;
    private final Lock commands;
    private final Queue<HeldReplies> waiting = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> lastWriteTo = new HashMap<>();
    private final Thread committer;
    private volatile long executed;
    private long lastWriteAnywhere;
    private volatile long synced;
    private volatile boolean running = true;

    /** @param commands the lock every command runs under */
    GroupCommit(MVStore store, Lock commands) {
        this.store = store;
        this.commands = commands;
        this.committer = new Thread(this::commitWhileRunning, "embedded-mongo-group-commit");
        committer.setDaemon(true);
        committer.start();
    }

    /**
     * Called under the commands' lock right after a command ran.
     *
     * @param changed whether the store has changes not yet committed (for commands of unknown scope)
     * @return the write number the command's reply must wait for, synced
     */
    long ran(CommandScope scope, boolean changed) {
        return switch (scope.kind()) {
            case NO_DATA -> 0;
            case WRITE -> wrote(scope.namespace());
            case READ -> Math.max(lastWriteAnywhere, lastWriteTo.getOrDefault(scope.namespace(), 0L));
            case UNKNOWN -> changed ? wrote(null) : executed;
        };
    }

    private long wrote(String namespace) {
        long n = executed + 1;
        executed = n;
        if (namespace == null) {
            lastWriteAnywhere = n;
        } else {
            lastWriteTo.put(namespace, n);
        }
        return n;
    }

    /** Every write so far: what a reply that no command numbered waits for. */
    long executed() {
        return executed;
    }

    long synced() {
        return synced;
    }

    /** Wakes {@code replies} after the next sync. */
    void await(HeldReplies replies) {
        waiting.add(replies);
        LockSupport.unpark(committer);
    }

    private void commitWhileRunning() {
        while (running) {
            if (executed == synced && waiting.isEmpty()) {
                LockSupport.parkNanos(this, IDLE_NANOS);
                continue;
            }
            try {
                if (executed != synced) {
                    commitAndSync();
                }
                wakeAll(false);
            } catch (RuntimeException e) {
                log.error("Embedded store could not commit; the waiting connections are closed unanswered", e);
                wakeAll(true);
                LockSupport.parkNanos(this, IDLE_NANOS);
            }
        }
    }

    private void commitAndSync() {
        long target;
        commands.lock();
        try {
            target = executed;
            if (store.hasUnsavedChanges()) {
                store.commit();
            }
        } finally {
            commands.unlock();
        }
        store.sync();
        synced = target;
    }

    private void wakeAll(boolean failed) {
        for (HeldReplies replies = waiting.poll(); replies != null; replies = waiting.poll()) {
            try {
                replies.wake(failed);
            } catch (RejectedExecutionException e) {
                // the connection's event loop has shut down with the server
            }
        }
    }

    /** Stops the committer after its current round; the store's own close commits what is left. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(committer);
        try {
            committer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
