package org.sunshinehub.storage;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bson.BsonDocument;
import org.springframework.context.annotation.Bean;

/**
 * Records every command the hub's MongoDB client sends. Not a {@code @Configuration}, so component scanning never
 * finds it: a test adds it with {@code --spring.main.sources=org.sunshinehub.storage.RecordingCommands}.
 */
public class RecordingCommands {

    static final Queue<BsonDocument> COMMANDS = new ConcurrentLinkedQueue<>();

    @Bean
    CommandListener recordingCommandListener() {
        return new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                COMMANDS.add(event.getCommand().clone());
            }
        };
    }
}
