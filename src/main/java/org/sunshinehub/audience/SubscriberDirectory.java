package org.sunshinehub.audience;

import org.sunshinehub.channelkind.ChannelKind;
import com.mongodb.client.MongoCursor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** What other modules may ask about subscribers. */
@Service
public class SubscriberDirectory {

    private static final Logger log = LoggerFactory.getLogger(SubscriberDirectory.class);

    private final SubscriberStore store;
    private final SubscriberService registrations;
    private final Clock clock;

    SubscriberDirectory(SubscriberStore store, SubscriberService registrations, Clock clock) {
        this.store = store;
        this.registrations = registrations;
        this.clock = clock;
    }

    /**
     * A citizen asks to receive on this channel (e.g. follows the WeChat account): the identity is created, or
     * re-activated if it had opted out, and gains {@code topics}.
     *
     * @throws org.sunshinehub.web.InvalidInputException when the address is not valid for the channel
     */
    public Subscriber optIn(ChannelKind channel, String address, List<String> topics) {
        return registrations.register(SubscriberRequest.of(channel, address, topics, true)).subscriber();
    }

    /** Takes topics off the subscriber with this address; empty when the address is unknown. */
    public Optional<Subscriber> dropTopics(ChannelKind channel, String address, Set<String> topics) {
        return store.subscriberIdOf(channel, address).flatMap(id -> registrations.dropTopics(id, topics));
    }

    /** Receives the audience batch by batch. */
    @FunctionalInterface
    public interface BatchConsumer {
        /**
         * @param recipients reachable recipients of this batch (maybe empty)
         * @param streamed   subscribers read so far, including this batch: where to resume after a crash
         */
        void accept(List<Recipient> recipients, long streamed);
    }

    /**
     * Streams the audience with a cursor, {@code batchSize} subscribers at a time, leaving out those without an
     * address on the channel or opted out of it. Memory holds one batch, whatever the audience size.
     *
     * @param skip subscribers already handled by an earlier, interrupted run
     * @return subscribers read in all
     */
    public long stream(AudienceSpec audience, ChannelKind channel, long skip, int batchSize, BatchConsumer consumer) {
        return stream(audience, channel, skip, batchSize, s -> true, consumer);
    }

    /** As {@link #stream(AudienceSpec, ChannelKind, long, int, BatchConsumer)}, keeping only subscribers that pass {@code also}. */
    public long stream(AudienceSpec audience, ChannelKind channel, long skip, int batchSize,
                       java.util.function.Predicate<Subscriber> also, BatchConsumer consumer) {
        long streamed = skip;
        List<Recipient> batch = new ArrayList<>(batchSize);
        int read = 0;
        try (MongoCursor<Document> cursor = store.matching(audience).skip((int) skip).batchSize(batchSize).iterator()) {
            while (cursor.hasNext()) {
                Subscriber subscriber = SubscriberStore.of(cursor.next());
                read++;
                if (subscriber.reachableOn(channel) && also.test(subscriber)) {
                    batch.add(new Recipient(subscriber.id(), subscriber.address(channel)));
                }
                if (read == batchSize) {
                    streamed += read;
                    consumer.accept(batch, streamed);
                    batch = new ArrayList<>(batchSize);
                    read = 0;
                }
            }
        }
        streamed += read;
        consumer.accept(batch, streamed);
        return streamed;
    }

    /** How many subscribers an audience names (before each channel leaves out those it cannot reach). */
    public long audienceSize(AudienceSpec audience) {
        return store.countMatching(audience);
    }

    /**
     * Subscribers who opted out of the channel at or after {@code since}: what a delivery queued before then must
     * still honour. Earlier opt-outs are already left out when the audience is streamed.
     */
    public Set<String> optedOutSince(ChannelKind channel, Instant since) {
        return store.optedOutSince(channel, since);
    }

    public Optional<Subscriber> find(String subscriberId) {
        return store.find(subscriberId);
    }

    public Optional<Subscriber> findByAddress(ChannelKind channel, String address) {
        return store.subscriberIdOf(channel, address).flatMap(store::find);
    }

    /**
     * Who has this address, without reading the subscriber: one read where {@link #findByAddress} takes two, for
     * the callbacks that only note who wrote (identities are never removed, nor the subscribers they name).
     */
    public Optional<String> idOf(ChannelKind channel, String address) {
        return store.subscriberIdOf(channel, address);
    }

    /** {@link #idOf} for each address, in order, in as few reads as the store takes. */
    public List<Optional<String>> idsOf(ChannelKind channel, List<String> addresses) {
        return store.subscriberIdsOf(channel, addresses);
    }

    /**
     * Opts the subscriber with this address out of the channel at once.
     *
     * @return the subscriber, or empty when the address is unknown
     */
    public Optional<Subscriber> optOut(ChannelKind channel, String address) {
        return store.subscriberIdOf(channel, address).flatMap(id -> optOutById(id, channel));
    }

    Optional<Subscriber> optOutById(String subscriberId, ChannelKind channel) {
        while (true) {
            Optional<Subscriber> current = store.find(subscriberId);
            if (current.isEmpty() || current.get().optedOut().containsKey(channel)) {
                return current;
            }
            Subscriber s = current.get();
            Map<ChannelKind, java.time.Instant> optedOut = new java.util.EnumMap<>(ChannelKind.class);
            optedOut.putAll(s.optedOut());
            optedOut.put(channel, clock.instant());
            Subscriber updated = new Subscriber(s.id(), s.phone(), s.wechatOpenId(), s.appRegistrationId(), s.weiboUid(),
                    s.topics(), optedOut, s.createdAt(), s.version() + 1);
            if (store.replaceIfUnchanged(updated)) {
                store.logOptOut(channel, s.id(), optedOut.get(channel));
                log.info("Subscriber {} opted out of {}", s.id(), channel.code());
                return Optional.of(updated);
            }
        }
    }
}
