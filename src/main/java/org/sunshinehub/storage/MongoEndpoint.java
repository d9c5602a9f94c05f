package org.sunshinehub.storage;

/** Where the driver connects: a configured MongoDB, or the embedded server this endpoint owns. */
final class MongoEndpoint implements AutoCloseable {

    private final String uri;
    private final EmbeddedMongo embedded;

    private MongoEndpoint(String uri, EmbeddedMongo embedded) {
        this.uri = uri;
        this.embedded = embedded;
    }

    static MongoEndpoint of(StorageProperties properties) {
        StorageProperties.Mongo mongo = properties.mongo();
        if (mongo.external()) {
            return new MongoEndpoint(mongo.uri(), null);
        }
        EmbeddedMongo server = mongo.embedded() == StorageProperties.EmbeddedMode.MEMORY
                ? EmbeddedMongo.inMemory()
                : EmbeddedMongo.durable(properties.dataDir());
        return new MongoEndpoint(server.connectionString(), server);
    }

    String uri() {
        return uri;
    }

    /** Runs after the client bean is closed, because the client depends on this bean. */
    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }

    @Override
    public String toString() {
        return embedded != null ? "MongoEndpoint[embedded]" : "MongoEndpoint[external]";
    }
}
