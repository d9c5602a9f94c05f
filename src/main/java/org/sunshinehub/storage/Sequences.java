package org.sunshinehub.storage;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Named counters in {@code counters}: one atomic {@code $inc} hands out the next number, across instances. */
@Component
public class Sequences {

    private final MongoCollection<Document> counters;

    Sequences(MongoDatabase database) {
        this.counters = database.getCollection("counters");
    }

    /** @return 1 the first time for a name, then 2, 3 … */
    public long next(String name) {
        Document counter = counters.findOneAndUpdate(Filters.eq("_id", name), Updates.inc("seq", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return counter.get("seq", Number.class).longValue();
    }
}
