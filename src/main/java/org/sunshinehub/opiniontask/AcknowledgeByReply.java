package org.sunshinehub.opiniontask;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunshinehub.audience.PhoneNumbers;
import org.sunshinehub.feedback.ReplyCommand;

/** A division contact replies to a task SMS with the task code (e.g. "R1001 已阅"): the task is acknowledged. */
@Component
class AcknowledgeByReply implements ReplyCommand {

    private static final Pattern CODE = Pattern.compile("^\\s*(R\\d{4,})\\b\\s*(.*)$", Pattern.DOTALL);
    private static final Logger log = LoggerFactory.getLogger(AcknowledgeByReply.class);

    private final OpinionTaskStore store;
    private final OpinionTaskService tasks;
    private final Divisions divisions;

    AcknowledgeByReply(OpinionTaskStore store, OpinionTaskService tasks, Divisions divisions) {
        this.store = store;
        this.tasks = tasks;
        this.divisions = divisions;
    }

    @Override
    public boolean handle(String channel, String address, String text) {
        Matcher m = CODE.matcher(text);
        if (!"sms".equals(channel) || !m.matches()) {
            return false;
        }
        Optional<Document> task = store.byCode(m.group(1).toUpperCase(java.util.Locale.ROOT));
        Optional<Division.Contact> contact = task.map(t -> t.getString("division")).flatMap(divisions::byId)
                .flatMap(d -> d.contacts().stream().filter(c -> c.phone().equals(address)).findFirst());
        if (contact.isEmpty()) {
            log.info("Reply with code {} from {} is not from the task's division: kept as feedback", m.group(1),
                    PhoneNumbers.mask(address));
            return false;
        }
        tasks.acknowledge(task.get().getString("_id"), contact.get().name() + "（短信）");
        return true;
    }
}
