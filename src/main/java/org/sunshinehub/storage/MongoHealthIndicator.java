package org.sunshinehub.storage;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** The hub is only healthy while its source of truth answers. */
@Component("mongo")
class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;
    private final MongoEndpoint endpoint;

    MongoHealthIndicator(MongoDatabase database, MongoEndpoint endpoint) {
        super("MongoDB ping failed");
        this.database = database;
        this.endpoint = endpoint;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        database.runCommand(new Document("ping", 1));
        builder.up().withDetail("endpoint", endpoint.toString());
    }
}
