package org.sunshinehub.dispatch;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.ratelimit.SharedBuckets;

/** The channel adapters found among the beans, and each one's provider rate, shared by every instance. */
@Component
class Channels {

    private final Map<ChannelKind, ChannelAdapter> adapters = new EnumMap<>(ChannelKind.class);
    private final Map<ChannelKind, RateLimiter> limiters = new EnumMap<>(ChannelKind.class);

    Channels(List<ChannelAdapter> found, DispatchProperties properties, SharedBuckets buckets) {
        for (ChannelAdapter adapter : found) {
            adapters.put(adapter.kind(), adapter);
            limiters.put(adapter.kind(), new RateLimiter(adapter.kind().code(), properties.channel(adapter.kind()).qps(),
                    buckets));
        }
    }

    boolean has(ChannelKind kind) {
        return adapters.containsKey(kind);
    }

    ChannelAdapter adapter(ChannelKind kind) {
        ChannelAdapter adapter = adapters.get(kind);
        if (adapter == null) {
            throw new IllegalStateException("no adapter for channel " + kind.code());
        }
        return adapter;
    }

    Throttle throttle(ChannelKind kind) {
        return limiters.get(kind);
    }
}
