package org.sunshinehub.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import java.io.IOException;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

class MongoErrorsUnitTests {

    private static final ServerAddress STORE = new ServerAddress("127.0.0.1", 27017);

    @Test
    void givenTheStoreCannotBeReachedOrDropsTheConnectionThenItIsUnavailable() {
        assertThat(MongoErrors.isUnavailable(new MongoSocketOpenException("refused", STORE, new IOException()))).isTrue();
        assertThat(MongoErrors.isUnavailable(new MongoSocketReadException("closed", STORE))).isTrue();
        assertThat(MongoErrors.isUnavailable(new MongoTimeoutException("no server within 30000 ms"))).isTrue();
        assertThat(MongoErrors.isUnavailable(new IllegalStateException("wrapped",
                new MongoSocketReadException("closed", STORE)))).isTrue();
    }

    @Test
    void givenTheStoreAnsweredWithAnErrorThenItIsNotUnavailable() {
        BsonDocument answer = new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(2))
                .append("errmsg", new BsonString("bad query"));
        assertThat(MongoErrors.isUnavailable(new MongoCommandException(answer, STORE))).isFalse();
        assertThat(MongoErrors.isUnavailable(new IllegalArgumentException("bug"))).isFalse();
    }
}
