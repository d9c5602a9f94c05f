package org.sunshinehub.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

    @Bean(destroyMethod = "close")
    MongoEndpoint mongoEndpoint(StorageProperties properties) {
        return MongoEndpoint.of(properties);
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoEndpoint endpoint, ObjectProvider<CommandListener> listeners) {
        MongoClientSettings.Builder settings = settings(new ConnectionString(endpoint.uri()));
        listeners.orderedStream().forEach(settings::addCommandListener);
        return MongoClients.create(settings.build());
    }

    /**
     * Majority-acknowledged, journaled writes and primary reads unless the URI says otherwise ({@code w},
     * {@code journal}, {@code readPreference} there win): on a replica set a block claim or a plan's firing that
     * only the primary acknowledged can be rolled back by a failover, and a second instance would then send that
     * block again; a read from a secondary may miss the claim just made.
     */
    static MongoClientSettings.Builder settings(ConnectionString uri) {
        // applyConnectionString replaces only what the URI names
        return MongoClientSettings.builder()
                .writeConcern(WriteConcern.MAJORITY.withJournal(true))
                .readPreference(ReadPreference.primary())
                .applyConnectionString(uri)
                .applicationName("sunshine-hub");
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, StorageProperties properties) {
        return client.getDatabase(properties.mongo().database());
    }
}
