package org.sunshinehub.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How a provider rate becomes a shared bucket and the leases drawn from it. */
class LeaseSizingUnitTests {

    @Test
    void aLeaseIsATenthOfASecondsBudgetAndAtLeastOneToken() {
        // Given rates from Weibo's posts an hour to a busy WeChat account
        // When each is sized
        // Then a lease carries a tenth of a second's budget, never less than one token nor more than 100
        assertThat(new LeaseSizing(30.0 / 3600).size()).isEqualTo(1);
        assertThat(new LeaseSizing(5).size()).isEqualTo(1);
        assertThat(new LeaseSizing(20).size()).isEqualTo(2);
        assertThat(new LeaseSizing(50).size()).isEqualTo(5);
        assertThat(new LeaseSizing(100_000).size()).isEqualTo(100);
    }

    @Test
    void tokensAreHeldTwiceAsLongAsSpendingThemTakesWithinATenthOfASecondAndASecond() {
        // Given rates whose leases take 100 ms, 10 ms and a long time to spend at the rate
        // When their hold is asked
        // Then it is twice that, but at least 100 ms (so a lease is not dropped unspent) and at most 1 s
        assertThat(new LeaseSizing(20).hold()).isEqualTo(Duration.ofMillis(200));
        assertThat(new LeaseSizing(100_000).hold()).isEqualTo(Duration.ofMillis(100));
        assertThat(new LeaseSizing(0.5).hold()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theBucketHoldsOneLeaseAndRefillsAtTheRate() {
        // Given the bucket of 20 a second on a clock the test moves
        LeaseSizing sizing = new LeaseSizing(20);
        Bandwidth limit = sizing.configuration().getBandwidths()[0];
        ManualClock clock = new ManualClock();
        Bucket bucket = Bucket.builder().addLimit(limit).withCustomTimePrecision(clock).build();
        // When it is emptied and a second passes
        assertThat(limit.getCapacity()).isEqualTo(2);
        assertThat(bucket.tryConsumeAsMuchAsPossible()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        // Then it holds one lease again, not the second's 20; and 20 tokens come in 20 such refills, a second
        assertThat(bucket.tryConsumeAsMuchAsPossible()).isEqualTo(2);
        long granted = 0;
        for (int step = 0; step < 20; step++) {
            clock.advance(Duration.ofMillis(50));
            granted += bucket.tryConsumeAsMuchAsPossible();
        }
        assertThat(granted).isEqualTo(20);
    }

    @Test
    void aFractionalRateRefillsOverTheMatchingPeriod() {
        // Given Weibo's 30 posts an hour
        LeaseSizing sizing = new LeaseSizing(30.0 / 3600);
        // When its bucket is built
        Bandwidth limit = sizing.configuration().getBandwidths()[0];
        // Then one token comes every two minutes
        assertThat(limit.getRefillTokens()).isEqualTo(1);
        assertThat(Duration.ofNanos(limit.getRefillPeriodNanos())).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theKeyCarriesTheRateSoAChangedRateStartsAFreshBucket() {
        // Given one budget at two rates
        // When their keys are made
        // Then they differ by the rate, written plainly
        assertThat(new LeaseSizing(20).key("sms:abc")).isEqualTo("sms:abc:20/s");
        assertThat(new LeaseSizing(12.5).key("sms:abc")).isEqualTo("sms:abc:12.5/s");
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> new LeaseSizing(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LeaseSizing(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
