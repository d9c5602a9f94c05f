package org.sunshinehub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;
import org.sunshinehub.support.TestHub;

/**
 * Every query the hub sends in a demo run on all four channels (recorded by a driver {@code CommandListener}) is
 * served, on a real MongoDB, by {@code _id} or by an index the hub creates at start: the filter names the index's
 * first key (in every branch of an {@code $or}). Collections small by nature may be scanned; they are listed here
 * with why. The embedded server builds only unique indexes, so this is what keeps a real server from scanning.
 */
class QueryIndexIntegrationTests {

    /** One document per plan and channel, source, channel account, staff account, retrying block, counter, task. */
    private static final Set<String> SMALL = Set.of("dispatchQueues", "dispatchRetries", "channelAlerts", "counters",
            "opinionTasks", "rateBuckets", "staffAccounts");

    @Test
    void everyQueryOfADemoRunIsServedByAnIndexOrScansASmallCollection() {
        RecordingCommands.COMMANDS.clear();
        // Given the demo, recording every command its client sends, from the first index it creates
        try (TestHub hub = TestHub.start("--spring.profiles.active=demo", "--sunshine.demo.subscribers=100",
                "--sunshine.dispatch.channels.sms.quiet-hours=",
                "--spring.main.sources=org.sunshinehub.storage.RecordingCommands")) {
            // When an item goes out on every channel, its receipts come back and staff read the API's lists
            String item = TestHub.json(hub.post("/api/intake/disclosures", """
                    {"source":"website","sourceId":"index-1","title":"关于索引检查的公告",
                     "issuer":"广东省民政厅","url":"https://smzt.gd.gov.cn/zwgk/index.html"}""")).get("id").asText();
            String plan = TestHub.json(hub.post("/api/plans", "{\"itemId\":\"" + item + "\",\"channels\":[\"wechat\","
                    + "\"sms\",\"app\",\"weibo\"],\"audience\":{\"topics\":[\"政策解读\"]},\"urgent\":true}")).get("id").asText();
            await().atMost(TestHub.PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() ->
                    hub.get("/api/plans/" + plan + "/progress").body().contains("DELIVERED"));
            for (String path : List.of("/api/items?state=APPROVED", "/api/plans?itemId=" + item, "/api/feedback",
                    "/api/subscribers?phone=13900000001", "/api/deliveries?phone=13900000001", "/api/overview",
                    "/api/opinion-tasks", "/api/intake/rejects", "/api/sources",
                    "/actuator/prometheus")) {
                assertThat(hub.get(path).statusCode()).as(path).isLessThan(400);
            }
        }

        // Then each filter names _id or the first key of an index created at start, or scans a small collection
        Map<String, List<Set<String>>> indexes = createdIndexes();
        Set<String> unserved = new TreeSet<>();
        int queries = 0;
        for (BsonDocument command : RecordingCommands.COMMANDS) {
            for (Query q : queries(command)) {
                queries++;
                boolean whole = q.whole() && q.filter().isEmpty();
                if (!SMALL.contains(q.collection()) && !whole
                        && !served(q.filter(), indexes.getOrDefault(q.collection(), List.of()))) {
                    unserved.add(q.collection() + " " + shape(q.filter()));
                }
            }
        }
        assertThat(queries).isGreaterThan(100);
        assertThat(unserved).as("queries no index serves").isEmpty();
    }

    /** @param whole a page read ({@code limit}) or a count: an empty filter is then fine (sorts are not checked) */
    private record Query(String collection, BsonDocument filter, boolean whole) {

        Query(String collection, BsonDocument filter) {
            this(collection, filter, false);
        }
    }

    private static Map<String, List<Set<String>>> createdIndexes() {
        Map<String, List<Set<String>>> indexes = new HashMap<>();
        for (BsonDocument command : RecordingCommands.COMMANDS) {
            if (command.containsKey("createIndexes")) {
                String collection = command.getString("createIndexes").getValue();
                for (BsonValue index : command.getArray("indexes")) {
                    indexes.computeIfAbsent(collection, c -> new ArrayList<>())
                            .add(Set.of(index.asDocument().getDocument("key").getFirstKey()));
                }
            }
        }
        return indexes;
    }

    private static List<Query> queries(BsonDocument command) {
        String name = command.getFirstKey();
        if (!command.get(name).isString()) {
            return List.of();
        }
        String collection = command.getString(name).getValue();
        List<Query> queries = new ArrayList<>();
        switch (name) {
            case "find" -> queries.add(new Query(collection, command.getDocument("filter", new BsonDocument()),
                    command.containsKey("limit")));
            case "count", "distinct" -> queries.add(new Query(collection, command.getDocument("query", new BsonDocument()),
                    name.equals("count")));
            case "findAndModify" -> queries.add(new Query(collection, command.getDocument("query", new BsonDocument())));
            case "update" -> command.getArray("updates", new BsonArray())
                    .forEach(u -> queries.add(new Query(collection, u.asDocument().getDocument("q"))));
            case "delete" -> command.getArray("deletes", new BsonArray())
                    .forEach(d -> queries.add(new Query(collection, d.asDocument().getDocument("q"))));
            case "aggregate" -> {
                BsonArray pipeline = command.getArray("pipeline");
                BsonDocument first = pipeline.isEmpty() ? new BsonDocument() : pipeline.get(0).asDocument();
                boolean count = pipeline.size() > 1 && pipeline.get(1).asDocument().containsKey("$group");
                queries.add(new Query(collection, first.getDocument("$match", new BsonDocument()), count));
            }
            default -> { }
        }
        return queries;
    }

    /** Whether a real MongoDB can use {@code _id} or one of {@code indexes} for {@code filter}. */
    private static boolean served(BsonDocument filter, List<Set<String>> indexes) {
        if (filter.containsKey("$or")) {
            return filter.getArray("$or").stream().allMatch(b -> served(b.asDocument(), indexes));
        }
        Set<String> keys = new HashSet<>();
        collectKeys(filter, keys);
        return keys.contains("_id") || indexes.stream().anyMatch(keys::containsAll);
    }

    /** The filter with its values left out, so a query shape is reported once. */
    private static String shape(BsonDocument filter) {
        return filter.toJson().replaceAll("\\{\"\\$date\": \"[^\"]*\"}|\"[^\"]*\"(?=[,}\\]])|-?\\d+(\\.\\d+)?(?=[,}\\]])", "?");
    }

    private static void collectKeys(BsonDocument filter, Set<String> keys) {
        filter.forEach((key, value) -> {
            if (key.equals("$and")) {
                value.asArray().forEach(b -> collectKeys(b.asDocument(), keys));
            } else if (!key.startsWith("$")) {
                keys.add(key);
            }
        });
    }
}
