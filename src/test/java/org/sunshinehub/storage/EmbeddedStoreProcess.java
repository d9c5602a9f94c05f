package org.sunshinehub.storage;

import java.nio.file.Path;

/** Runs the durable embedded store alone in a JVM of its own, so a test can kill -9 it. Prints its URI. */
public final class EmbeddedStoreProcess {

    private EmbeddedStoreProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedMongo mongo = EmbeddedMongo.durable(Path.of(args[0]));
        System.out.println("URI " + mongo.connectionString());
        System.out.flush();
        Thread.currentThread().join();
    }
}
