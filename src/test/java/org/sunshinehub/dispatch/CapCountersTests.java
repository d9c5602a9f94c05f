package org.sunshinehub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.storage.EmbeddedMongo;

/** Many workers admitting the same citizens at once through a real driver connection never pass the cap. */
class CapCountersTests {

    private static final int CAP = 2;

    @Test
    void concurrentAdmissionsNeverPassTheCap() throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(); MongoClient client = MongoClients.create(mongo.connectionString())) {
            CapCounters counters = new CapCounters(client.getDatabase("caps"));
            List<String> citizens = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                citizens.add("citizen-" + i);
            }
            Instant now = Instant.parse("2026-11-23T02:00:00Z");
            ConcurrentMap<String, AtomicInteger> admitted = new ConcurrentHashMap<>();
            int workers = 8;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            List<Future<?>> runs = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    Set<Integer> atCap = counters.admit(ChannelKind.SMS, citizens, CAP, now);
                    for (int i = 0; i < citizens.size(); i++) {
                        if (!atCap.contains(i)) {
                            admitted.computeIfAbsent(citizens.get(i), c -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
            pool.shutdown();

            assertThat(admitted).hasSize(citizens.size());
            assertThat(admitted.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(CAP));
            assertThat(counters.admit(ChannelKind.SMS, citizens, CAP, now.plusSeconds(86_400))).isEmpty();
        }
    }
}
