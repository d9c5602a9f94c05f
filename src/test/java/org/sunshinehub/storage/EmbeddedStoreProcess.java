package org.sunshinehub.storage;

import java.nio.file.Path;

/**
 * Runs the embedded store alone in a JVM of its own, so a test can kill -9 it and a benchmark can keep its heap
 * apart from the hub's. Arguments: a data folder (durable) or {@code memory}, and optionally the port (so a store
 * restarted after {@code kill -9} keeps its address). Prints its URI.
 */
public final class EmbeddedStoreProcess {

    private EmbeddedStoreProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedMongo mongo = "memory".equals(args[0]) ? EmbeddedMongo.inMemory() : EmbeddedMongo.durable(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 0);
        System.out.println("URI " + mongo.connectionString());
        System.out.flush();
        Thread.currentThread().join();
    }
}
