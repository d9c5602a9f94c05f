package org.sunshinehub.dispatch;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/** Reading the optional fields the dispatch stores share. */
final class Stored {

    private Stored() {
    }

    static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    static long number(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }
}
