package org.sunshinehub.audience;

import org.sunshinehub.channelkind.ChannelKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

/**
 * Registers subscribers, merging a registration into the subscriber that already holds any of its identities.
 * An opt-out survives a re-registration unless the request explicitly opts in again.
 */
@Service
class SubscriberService {

    static final int MAX_TOPICS = 50;

    private final SubscriberStore store;
    private final Clock clock;

    SubscriberService(SubscriberStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    record Registration(Subscriber subscriber, boolean created) {
    }

    /** @throws InvalidSubscriberException naming each bad field, or the conflict */
    Registration register(SubscriberRequest request) {
        Map<ChannelKind, String> identities = validIdentities(request);
        List<String> topics = validTopics(request.topics());
        Set<String> owners = new LinkedHashSet<>();
        identities.forEach((channel, address) -> store.subscriberIdOf(channel, address).ifPresent(owners::add));
        if (owners.size() > 1) {
            throw new InvalidSubscriberException(Map.of("identities", "这些身份分属不同的订阅者 " + owners + "，请分别处理"));
        }
        if (owners.isEmpty()) {
            Subscriber created = new Subscriber(new ObjectId().toHexString(), identities.get(ChannelKind.SMS),
                    identities.get(ChannelKind.WECHAT), identities.get(ChannelKind.APP), identities.get(ChannelKind.WEIBO),
                    topics, Map.of(), clock.instant(), 0);
            store.insert(created);
            if (claimAll(identities, created.id())) {
                return new Registration(created, true);
            }
            // Someone registered the same identity at the same moment: merge into theirs instead.
            return register(request);
        }
        return new Registration(merge(owners.iterator().next(), identities, topics, request.optIn()), false);
    }

    private boolean claimAll(Map<ChannelKind, String> identities, String subscriberId) {
        boolean all = true;
        for (Map.Entry<ChannelKind, String> identity : identities.entrySet()) {
            all &= store.claimIdentity(identity.getKey(), identity.getValue(), subscriberId)
                    || store.subscriberIdOf(identity.getKey(), identity.getValue()).orElse("").equals(subscriberId);
        }
        return all;
    }

    private Subscriber merge(String id, Map<ChannelKind, String> identities, List<String> topics, boolean optIn) {
        while (true) {
            Subscriber s = store.find(id).orElseThrow();
            Map<ChannelKind, String> addresses = new EnumMap<>(ChannelKind.class);
            for (ChannelKind channel : ChannelKind.values()) {
                String address = identities.getOrDefault(channel, s.address(channel));
                if (address != null) {
                    addresses.put(channel, address);
                }
            }
            Set<String> allTopics = new LinkedHashSet<>(s.topics());
            allTopics.addAll(topics);
            Map<ChannelKind, java.time.Instant> optedOut = new EnumMap<>(ChannelKind.class);
            optedOut.putAll(s.optedOut());
            if (optIn) {
                identities.keySet().forEach(optedOut::remove);
            }
            Subscriber merged = new Subscriber(id, addresses.get(ChannelKind.SMS), addresses.get(ChannelKind.WECHAT),
                    addresses.get(ChannelKind.APP), addresses.get(ChannelKind.WEIBO),
                    new ArrayList<>(allTopics).subList(0, Math.min(allTopics.size(), MAX_TOPICS)), optedOut,
                    s.createdAt(), s.version() + 1);
            if (store.replaceIfUnchanged(merged)) {
                identities.forEach((channel, address) -> store.claimIdentity(channel, address, id));
                return merged;
            }
        }
    }

    Optional<Subscriber> dropTopics(String id, Set<String> topics) {
        while (true) {
            Optional<Subscriber> current = store.find(id);
            if (current.isEmpty()) {
                return current;
            }
            Subscriber s = current.get();
            List<String> kept = s.topics().stream().filter(t -> !topics.contains(t)).toList();
            if (kept.size() == s.topics().size()) {
                return current;
            }
            Subscriber updated = new Subscriber(id, s.phone(), s.wechatOpenId(), s.appRegistrationId(), s.weiboUid(),
                    kept, s.optedOut(), s.createdAt(), s.version() + 1);
            if (store.replaceIfUnchanged(updated)) {
                return Optional.of(updated);
            }
        }
    }

    private static Map<ChannelKind, String> validIdentities(SubscriberRequest request) {
        Map<String, String> errors = new TreeMap<>();
        Map<ChannelKind, String> identities = new EnumMap<>(ChannelKind.class);
        if (request.phone() != null && !request.phone().isBlank()) {
            Optional<String> phone = PhoneNumbers.normalise(request.phone());
            phone.ifPresentOrElse(p -> identities.put(ChannelKind.SMS, p),
                    () -> errors.put("phone", "不是有效的大陆手机号"));
        }
        putToken(identities, errors, ChannelKind.WECHAT, "wechatOpenId", request.wechatOpenId());
        putToken(identities, errors, ChannelKind.APP, "appRegistrationId", request.appRegistrationId());
        putToken(identities, errors, ChannelKind.WEIBO, "weiboUid", request.weiboUid());
        if (identities.isEmpty() && errors.isEmpty()) {
            errors.put("phone", "至少需要一个渠道身份：phone、wechatOpenId、appRegistrationId 或 weiboUid");
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubscriberException(errors);
        }
        return identities;
    }

    private static void putToken(Map<ChannelKind, String> identities, Map<String, String> errors, ChannelKind channel,
                                 String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String token = value.strip();
        if (token.length() > 128 || !token.matches("[A-Za-z0-9_\\-]+")) {
            errors.put(field, "只能包含字母、数字、_ 和 -，不超过 128 个字符");
            return;
        }
        identities.put(channel, token);
    }

    private static List<String> validTopics(List<String> topics) {
        if (topics == null) {
            return List.of();
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String topic : topics) {
            if (topic == null || topic.isBlank() || topic.strip().length() > 50) {
                throw new InvalidSubscriberException(Map.of("topics", "话题不能为空且不超过 50 个字符"));
            }
            clean.add(topic.strip());
        }
        if (clean.size() > MAX_TOPICS) {
            throw new InvalidSubscriberException(Map.of("topics", "最多 " + MAX_TOPICS + " 个话题"));
        }
        return List.copyOf(clean);
    }
}
