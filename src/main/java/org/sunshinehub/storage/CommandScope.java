package org.sunshinehub.storage;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a command's reply can reveal, so it waits only for the syncs it depends on: a read of one collection waits
 * for that collection's unsynced writes, a write for its own sync, a command that touches no data for nothing,
 * and anything else (aggregations that may join, index and collection commands) for every unsynced write.
 *
 * @param kind      what the command does
 * @param namespace {@code database.collection}, or null when the command may touch any collection
 */
record CommandScope(Kind kind, String namespace) {

    enum Kind { NO_DATA, READ, WRITE, UNKNOWN }

    private static final Set<String> NO_DATA = Set.of("hello", "ismaster", "buildinfo", "ping", "whatsmyuri",
            "endsessions", "killcursors", "getlasterror", "getparameter", "getcmdlineopts", "saslstart");
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify");
    private static final Set<String> READS = Set.of("find", "count", "distinct", "listindexes");
    private static final Set<String> ACROSS_COLLECTIONS = Set.of("$lookup", "$graphLookup", "$unionWith", "$facet",
            "$out", "$merge");

    static CommandScope of(String database, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (NO_DATA.contains(name)) {
            return new CommandScope(Kind.NO_DATA, null);
        }
        if (WRITES.contains(name)) {
            return collection(Kind.WRITE, database, query.get(command));
        }
        if (READS.contains(name)) {
            return collection(Kind.READ, database, query.get(command));
        }
        if (name.equals("getmore")) {
            return collection(Kind.READ, database, query.get("collection"));
        }
        if (name.equals("aggregate") && withinOneCollection(query.get("pipeline"))) {
            return collection(Kind.READ, database, query.get(command));
        }
        return new CommandScope(Kind.UNKNOWN, null);
    }

    private static CommandScope collection(Kind kind, String database, Object collection) {
        return collection instanceof String name ? new CommandScope(kind, database + "." + name)
                : new CommandScope(kind == Kind.READ ? Kind.UNKNOWN : kind, null);
    }

    private static boolean withinOneCollection(Object pipeline) {
        if (!(pipeline instanceof List<?> stages)) {
            return false;
        }
        return stages.stream().allMatch(stage -> stage instanceof Document d
                && d.keySet().stream().noneMatch(ACROSS_COLLECTIONS::contains));
    }
}
