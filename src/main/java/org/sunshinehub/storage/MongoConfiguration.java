package org.sunshinehub.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

    @Bean(destroyMethod = "close")
    MongoEndpoint mongoEndpoint(StorageProperties properties) {
        return MongoEndpoint.of(properties);
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoEndpoint endpoint) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(endpoint.uri()))
                .applicationName("sunshine-hub")
                .build());
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, StorageProperties properties) {
        return client.getDatabase(properties.mongo().database());
    }
}
