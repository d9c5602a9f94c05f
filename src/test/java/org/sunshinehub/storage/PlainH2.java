package org.sunshinehub.storage;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/** mongo-java-server's H2 backend as it comes, to write a file the way earlier versions of the hub left it. */
final class PlainH2 {

    private PlainH2() {
    }

    /**
     * Without H2's background writer: its commits change the key type's remembered kind of value while a command
     * compares keys of mixed kinds (strings and ObjectIds), which fails at random with "Can not compare". The
     * store commits as it closes.
     */
    static H2Backend open(String file) {
        return new H2Backend(new MVStore.Builder().fileName(file).autoCommitDisabled().open());
    }
}
