package org.sunshinehub.feedback;

import java.util.List;
import org.springframework.stereotype.Component;

/** Every {@link ReplyCommand} among the beans, offered a reply in turn before it is taken as feedback. */
@Component
public class ReplyCommands {

    private final List<ReplyCommand> commands;

    ReplyCommands(List<ReplyCommand> commands) {
        this.commands = commands;
    }

    /** @return true when a command took the reply (it is then not feedback) */
    public boolean handle(String channel, String address, String text) {
        for (ReplyCommand command : commands) {
            if (command.handle(channel, address, text)) {
                return true;
            }
        }
        return false;
    }
}
