package org.sunshinehub.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The delivery pages this instance wrote lately, so a batch's moves usually need no read (a kept page that turns
 * out stale fails its guarded write and is read again), and a lock per stripe of pages, so this instance's writers
 * of one page take turns and rarely miss each other's version.
 */
final class KeptPages {

    private static final int KEPT = 512;
    private static final int STRIPES = 64;

    private final Object[] stripes = Stream.generate(Object::new).limit(STRIPES).toArray();
    private final Map<String, DeliveryPage> kept = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DeliveryPage> eldest) {
            return size() > KEPT;
        }
    };

    Object lockFor(String pageId) {
        return stripes[Math.floorMod(pageId.hashCode(), STRIPES)];
    }

    /** A copy of the kept page, to change without touching what is kept; null when not kept. */
    DeliveryPage copyOf(String pageId) {
        synchronized (kept) {
            DeliveryPage k = kept.get(pageId);
            return k == null ? null : new DeliveryPage(pageId, k.version(), k.deliveries());
        }
    }

    boolean holds(String pageId) {
        synchronized (kept) {
            return kept.containsKey(pageId);
        }
    }

    void keep(DeliveryPage page) {
        synchronized (kept) {
            kept.put(page.id(), page);
        }
    }
}
