package org.sunshinehub.audience;

import java.util.List;
import org.bson.Document;

/** Who a push goes to: everyone, or subscribers with any of these topics. */
public record AudienceSpec(List<String> topics, boolean all) {

    public AudienceSpec {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /** As stored inside plans and dispatch queues. */
    public Document toDocument() {
        return new Document("topics", topics).append("all", all);
    }

    public static AudienceSpec fromDocument(Document d) {
        return new AudienceSpec(d.getList("topics", String.class), d.getBoolean("all"));
    }
}
