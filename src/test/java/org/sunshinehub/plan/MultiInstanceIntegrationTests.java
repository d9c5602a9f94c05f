package org.sunshinehub.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.storage.EmbeddedMongo;
import org.sunshinehub.support.Pushes;
import org.sunshinehub.support.TestHub;

/**
 * Two hubs on one database, both sending SMS through hub A's sandbox: they share a plan's blocks and nobody gets
 * a message twice; a plan scheduled on an instance that then stops is fired by the other.
 */
class MultiInstanceIntegrationTests {

    private static final int CITIZENS = 400;

    @Test
    void twoInstancesShareThePushesAndNeitherDoublesNorLosesOne() {
        try (EmbeddedMongo store = EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(store.connectionString());
             TestHub a = TestHub.start(shared(store))) {
            List<String> args = new ArrayList<>(List.of(shared(store)));
            args.add("--sunshine.sms.aliyun.endpoint=127.0.0.1:" + a.sandboxPort());
            TestHub b = TestHub.start(args.toArray(String[]::new));
            try {
                relay(a, b, client);
            } finally {
                b.close();
            }
        }
    }

    private static void relay(TestHub a, TestHub b, MongoClient client) {
        Pushes pushes = new Pushes(a);
        pushes.subscribers("1390000", CITIZENS, "双实例话题");

        String together = pushes.plan(pushes.approvedItem("关于双实例共同推送的公告"), "双实例话题", "").get("id").asText();
        pushes.awaitCount(together, "DELIVERED", CITIZENS, TestHub.PATIENCE);
        Set<Object> owners = new HashSet<>();
        client.getDatabase("sunshine").getCollection("dispatchBlocks").find(Filters.regex("_id", "^" + together))
                .forEach(block -> owners.add(block.get("owner")));
        assertThat(owners).as("instances that sent blocks of the plan").hasSize(2);

        String at = OffsetDateTime.ofInstant(b.clock().instant().plusSeconds(3), SunshineHubApplication.ZONE).toString();
        JsonNode scheduled = new Pushes(b).plan(pushes.approvedItem("关于定时推送接力的公告"), "双实例话题",
                "\"sendAt\":\"" + at + "\"");
        b.close();
        pushes.awaitCount(scheduled.get("id").asText(), "DELIVERED", CITIZENS, TestHub.PATIENCE);

        Map<String, Integer> perPhone = new HashMap<>();
        TestHub.json(a.sandbox("GET", "/admin/sms", null)).get("messages")
                .forEach(m -> perPhone.merge(m.get("phone").asText(), 1, Integer::sum));
        assertThat(perPhone).hasSize(CITIZENS);
        assertThat(perPhone.values()).allMatch(n -> n == 2);
    }

    /** 40 blocks at 10 requests a second per instance: one instance alone would need 4 s, so both take some. */
    private static String[] shared(EmbeddedMongo store) {
        return new String[] {"--sunshine.mongo.uri=" + store.connectionString(), "--sunshine.sandbox.enabled=true",
                "--sunshine.sandbox.channels=sms", "--sunshine.dispatch.channels.sms.batch-size=10",
                "--sunshine.dispatch.channels.sms.qps=10"};
    }
}
