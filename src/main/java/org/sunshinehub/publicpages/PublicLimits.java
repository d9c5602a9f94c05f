package org.sunshinehub.publicpages;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.sunshinehub.ratelimit.SharedBuckets;
import org.sunshinehub.text.Fingerprints;

/**
 * Abuse limits on the public forms: one token bucket per action and client address, and one per action and
 * citizen (phone or openid), shared by every instance through {@link SharedBuckets}. Keys carry a hash, never a phone or an
 * address, and the limit itself, so a changed limit starts a fresh bucket.
 */
@Component
class PublicLimits {

    enum Action { CODE, VERIFY, OPINION, SUBSCRIBE }

    private final SharedBuckets buckets;
    private final PublicPageProperties.Limits limits;

    PublicLimits(SharedBuckets buckets, PublicPageProperties properties) {
        this.buckets = buckets;
        this.limits = properties.limits();
    }

    /** @throws ResponseStatusException 429 with when to try again, once the address has used its share */
    void byAddress(Action action, HttpServletRequest request) {
        take(action, "address", request.getRemoteAddr(), limits.perAddress(action));
    }

    /** @throws ResponseStatusException 429 with when to try again, once the phone (or openid) has used its share */
    void byCitizen(Action action, String phoneOrOpenId) {
        take(action, "citizen", phoneOrOpenId, limits.perCitizen(action));
    }

    private void take(Action action, String dimension, String who, PublicPageProperties.Limit limit) {
        String key = "public:" + action + ":" + dimension + ":" + limit.count() + "/" + limit.per().toSeconds() + ":"
                + Fingerprints.sha256Hex(who, 12);
        ConsumptionProbe probe = buckets.bucket(key, BucketConfiguration.builder()
                .addLimit(l -> l.capacity(limit.count()).refillIntervally(limit.count(), limit.per())).build())
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long minutes = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).plusSeconds(59).toMinutes());
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, "操作过于频繁，请 " + minutes + " 分钟后再试");
        }
    }

}
