package org.sunshinehub.audience;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Demo only ({@code sunshine.demo.subscribers}): an empty database gets that many generated subscribers with
 * phone numbers 139xxxxxxxx and one or two topics each. Runs before the routes start, so the first items
 * already find an audience.
 */
@Component
class DemoSubscribers implements SmartInitializingSingleton {

    private static final int BATCH = 1_000;
    static final List<String> TOPICS = List.of("社会救助", "养老服务", "政策解读", "基层治理", "政策文件");
    private static final Logger log = LoggerFactory.getLogger(DemoSubscribers.class);

    private final SubscriberStore store;
    private final int count;
    private final Clock clock;

    DemoSubscribers(SubscriberStore store, @Value("${sunshine.demo.subscribers:0}") int count, Clock clock) {
        this.store = store;
        this.count = count;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (count <= 0 || !store.isEmpty()) {
            return;
        }
        List<Subscriber> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < count; i++) {
            List<String> topics = i % 3 == 0 ? List.of(TOPICS.get(i % 5), TOPICS.get((i + 2) % 5)) : List.of(TOPICS.get(i % 5));
            // Every 10th has the app too; every 100th also gave a WeChat openid but no longer follows the
            // account, so a fallback plan's WeChat message to them fails and they get the SMS instead.
            batch.add(new Subscriber(new ObjectId().toHexString(), String.format("139%08d", i),
                    i % 100 == 0 ? String.format("oDemoUnfollowed%04d", i) : null,
                    i % 10 == 0 ? String.format("demo1a%010d", i) : null, null, topics, Map.of(), clock.instant(), 0));
            if (batch.size() == BATCH || i == count - 1) {
                store.insertNew(batch);
                batch.clear();
            }
        }
        log.info("Demo: created {} subscribers (phones 13900000000…, every 10th with the app) on topics {}", count, TOPICS);
    }
}
