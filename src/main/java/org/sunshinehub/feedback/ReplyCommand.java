package org.sunshinehub.feedback;

/**
 * A reply that is an instruction rather than an opinion (e.g. a division acknowledging a task by its code).
 * Channels offer every reply to these first, through {@link ReplyCommands}.
 */
public interface ReplyCommand {

    /** @return true when the reply was this command's and has been carried out */
    boolean handle(String channel, String address, String text);
}
