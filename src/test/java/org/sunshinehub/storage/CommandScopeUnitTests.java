package org.sunshinehub.storage;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which unsynced writes a command's reply waits for, by what the command can have seen. */
class CommandScopeUnitTests {

    @Test
    void writesAndReadsOfOneCollectionAreScopedToIt() {
        // Given / When
        CommandScope insert = CommandScope.of("sunshine", "insert", new Document("insert", "feedback"));
        CommandScope find = CommandScope.of("sunshine", "find", new Document("find", "subscribers"));
        CommandScope more = CommandScope.of("sunshine", "getMore", new Document("getMore", 7L).append("collection", "items"));

        // Then
        assertThat(insert).isEqualTo(new CommandScope(CommandScope.Kind.WRITE, "sunshine.feedback"));
        assertThat(find).isEqualTo(new CommandScope(CommandScope.Kind.READ, "sunshine.subscribers"));
        assertThat(more).isEqualTo(new CommandScope(CommandScope.Kind.READ, "sunshine.items"));
    }

    @Test
    void anAggregationThatJoinsMayHaveSeenAnyCollection() {
        // Given
        Document grouped = new Document("aggregate", "deliveries")
                .append("pipeline", List.of(new Document("$match", new Document("plan", "p1")), new Document("$group", new Document())));
        Document joined = new Document("aggregate", "deliveries")
                .append("pipeline", List.of(new Document("$lookup", new Document("from", "subscribers"))));

        // When / Then
        assertThat(CommandScope.of("sunshine", "aggregate", grouped))
                .isEqualTo(new CommandScope(CommandScope.Kind.READ, "sunshine.deliveries"));
        assertThat(CommandScope.of("sunshine", "aggregate", joined))
                .isEqualTo(new CommandScope(CommandScope.Kind.UNKNOWN, null));
    }

    @Test
    void handshakesTouchNoDataAndOtherCommandsAnyData() {
        assertThat(CommandScope.of("admin", "hello", new Document("hello", 1)).kind()).isEqualTo(CommandScope.Kind.NO_DATA);
        assertThat(CommandScope.of("sunshine", "createIndexes", new Document("createIndexes", "items")))
                .isEqualTo(new CommandScope(CommandScope.Kind.UNKNOWN, null));
    }
}
