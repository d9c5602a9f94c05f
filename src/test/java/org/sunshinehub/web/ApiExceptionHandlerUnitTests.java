package org.sunshinehub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import java.io.IOException;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A store outage is a 503 to retry later (a provider pushes again), not a 500. */
class ApiExceptionHandlerUnitTests {

    private static final ServerAddress STORE = new ServerAddress("127.0.0.1", 27017);

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void givenTheStoreIsDownWhenARequestFailsOnItThenTheAnswerIs503WithRetryAfter() {
        ResponseEntity<ProblemDetail> answer = handler.store(
                new MongoSocketOpenException("Exception opening socket", STORE, new IOException("refused")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().getDetail()).isEqualTo("数据存储暂不可用，请稍后重试").doesNotContain("27017");
    }

    @Test
    void givenTheStoreRefusedAWriteThenTheAnswerStays500() {
        ResponseEntity<ProblemDetail> answer = handler.store(new MongoWriteException(
                new WriteError(2, "bad value", new BsonDocument()), STORE, java.util.Set.of()));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getDetail()).doesNotContain("bad value");
    }
}
