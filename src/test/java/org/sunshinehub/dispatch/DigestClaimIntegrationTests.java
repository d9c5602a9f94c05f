package org.sunshinehub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sunshinehub.audience.Recipient;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.support.SharedStore;

/** A due digest is taken by one sweeper only, whichever instance or thread sweeps at the same moment. */
class DigestClaimIntegrationTests {

    @Test
    void twoSweepersThatReadTheSameDueDigestCannotBothTakeIt() {
        try (SharedStore store = new SharedStore()) {
            // Given a digest due this morning, seen as due by two instances' sweeps
            DigestStore first = new DigestStore(store.first());
            DigestStore second = new DigestStore(store.second());
            Instant morning = Instant.parse("2026-12-02T00:00:00Z");
            first.add(ChannelKind.SMS, new Recipient("s1", "13800000000"), morning,
                    new DigestStore.Line("item-1", "标题", "", "plan-1:sms"));
            Instant now = morning.plusSeconds(60);
            DigestStore.Digest seenByFirst = first.due(now, 10).get(0);
            DigestStore.Digest seenBySecond = second.due(now, 10).get(0);

            // When both try to take it
            Instant leaseUntil = now.plus(Duration.ofMinutes(5));
            List<Boolean> taken = List.of(first.take(seenByFirst, leaseUntil), second.take(seenBySecond, leaseUntil));

            // Then exactly one has it, and it is not due again until the lease ends
            assertThat(taken).containsExactlyInAnyOrder(true, false);
            assertThat(first.due(now, 10)).isEmpty();
            assertThat(first.due(leaseUntil, 10)).hasSize(1);
        }
    }
}
