package org.sunshinehub.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sunshinehub.audience.Subscriber;
import org.sunshinehub.audience.SubscriberDirectory;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.support.TestHub;

/** Aliyun's pushes as Aliyun sends them, including the malformed and the hostile. */
class SmsCallbackIntegrationTests {

    private final TestHub hub = TestHub.shared();

    private HttpResponse<String> push(String token, String kind, String body) {
        return hub.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port() + "/callbacks/aliyun-sms/"
                + token + "/" + kind)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private String token() {
        return hub.property("sunshine.sms.callback-token");
    }

    @Test
    void aWrongPathTokenIs403AndTheBodyIsNotRead() {
        HttpResponse<String> response = push("wrong-token-0000000000", "report", "[]");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain(token());
    }

    @Test
    void malformedBodiesAre400() {
        assertThat(push(token(), "report", "{not json").statusCode()).isEqualTo(400);
        assertThat(push(token(), "report", "{\"phone_number\":\"13800000000\"}").statusCode()).isEqualTo(400);
        assertThat(push(token(), "up", "[1, 2]").statusCode()).isEqualTo(400);
        assertThat(push(token(), "up", "").statusCode()).isEqualTo(400);
    }

    @Test
    void bodiesOverOneMebibyteAreRefused() {
        assertThat(push(token(), "report", "[" + "{},".repeat(400_000) + "{}]").statusCode()).isEqualTo(413);
    }

    @Test
    void aReceiptForAnUnknownBatchIsAcknowledgedAndChangesNothing() {
        HttpResponse<String> response = push(token(), "report", """
                [{"phone_number":"13800000000","success":true,"err_code":"DELIVERED","biz_id":"1^0",
                  "out_id":"no-such-block#1.0","sms_size":"1","extra_future_field":"x"}]""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestHub.json(response).get("code").asInt()).isZero();
    }

    @Test
    void upMessagesInEveryFieldVariantAreStoredOnce() {
        String phone = "1350000" + String.format("%04d", Math.abs(UUID.randomUUID().hashCode() % 10000));
        String numericSequence = "[{\"phone_number\":\"" + phone + "\",\"content\":\"建议延长办理时间\","
                + "\"send_time\":\"2026-11-22 09:30:00\",\"dest_code\":\"9999\",\"sequence_id\":7770001,\"sign_name\":\"签名\"}]";
        String stringSequenceCompactTime = "[{\"phone_number\":\"" + phone + "\",\"content\":\"第二条意见\","
                + "\"send_time\":\"20261122093500\",\"dest_code\":\"9999\",\"sequence_id\":\"7770002\"}]";

        assertThat(push(token(), "up", numericSequence).body()).contains("\"code\":0");
        assertThat(push(token(), "up", numericSequence).body()).contains("\"code\":0");
        assertThat(push(token(), "up", stringSequenceCompactTime).body()).contains("\"code\":0");

        JsonNode feedback = TestHub.json(hub.get("/api/feedback?channel=sms&size=100")).get("feedback");
        long mine = 0;
        for (JsonNode f : feedback) {
            if (phone.equals(f.get("address").asText())) {
                mine++;
                assertThat(f.get("sentAt").asText()).startsWith("2026-11-22T09:3");
            }
        }
        assertThat(mine).isEqualTo(2);
    }

    /** Aliyun may push several replies in one array: each is taken in order, the feedback stored together. */
    @Test
    void aPushOfSeveralRepliesStoresEachOnceWithItsWriterAndHonoursAnUnsubscribeAmongThem() {
        String prefix = "1377" + String.format("%03d", Math.abs(UUID.randomUUID().hashCode() % 1000));
        SubscriberDirectory directory = hub.bean(SubscriberDirectory.class);
        Subscriber known = directory.optIn(ChannelKind.SMS, prefix + "0001", List.of("政策解读"));
        Subscriber leaving = directory.optIn(ChannelKind.SMS, prefix + "0002", List.of("政策解读"));
        String body = "[" + String.join(",",
                up(prefix + "0001", "第一条意见", 990001), up(prefix + "0002", "TD", 990002),
                up(prefix + "0003", "路人的意见", 990003), up(prefix + "0001", "第一条意见", 990001)) + "]";

        assertThat(push(token(), "up", body).body()).contains("\"code\":0");

        List<org.bson.Document> stored = hub.bean(MongoDatabase.class).getCollection("feedback")
                .find(Filters.regex("address", "^" + prefix)).into(new ArrayList<>());
        assertThat(stored).extracting(d -> d.getString("_id")).containsExactlyInAnyOrder(
                "sms:" + prefix + "0001:990001", "sms:" + prefix + "0003:990003");
        assertThat(stored).filteredOn(d -> d.getString("address").endsWith("0001"))
                .extracting(d -> d.getString("subscriberId")).containsExactly(known.id());
        assertThat(stored).filteredOn(d -> d.getString("address").endsWith("0003"))
                .extracting(d -> d.getString("subscriberId")).containsOnlyNulls();
        assertThat(directory.find(leaving.id()).orElseThrow().optedOut()).containsKey(ChannelKind.SMS);
    }

    private static String up(String phone, String content, long sequence) {
        return "{\"phone_number\":\"" + phone + "\",\"content\":\"" + content
                + "\",\"send_time\":\"2026-11-22 09:30:00\",\"dest_code\":\"\",\"sequence_id\":" + sequence + "}";
    }

    /**
     * More senders at once than {@code sunshine.api.max-body-readers} (50), each message pushed twice at the same
     * time (a provider's retry racing its first push): a callback waiting for its store write is no slow reader,
     * so every push is answered 200, and each message is stored once.
     */
    @Test
    void givenMoreConcurrentPushesThanBodyReadersWithRetriesWhenTheyArriveThenAllAreAnsweredAndEachStoredOnce()
            throws Exception {
        int messages = 80;
        String prefix = "1366" + String.format("%03d", Math.abs(UUID.randomUUID().hashCode() % 1000));
        List<String> phones = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(2 * messages);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                String phone = prefix + String.format("%04d", i);
                phones.add(phone);
                String body = "[{\"phone_number\":\"" + phone + "\",\"content\":\"并发意见" + i
                        + "\",\"send_time\":\"2026-11-22 09:30:00\",\"dest_code\":\"\",\"sequence_id\":" + (880000 + i) + "}]";
                for (int push = 0; push < 2; push++) {
                    answers.add(senders.submit(() -> push(token(), "up", body)));
                }
            }

            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(TestHub.PATIENCE.toSeconds(), TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("\"code\":0");
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(hub.bean(MongoDatabase.class).getCollection("feedback")
                .countDocuments(Filters.in("address", phones))).isEqualTo(messages);
    }
}
