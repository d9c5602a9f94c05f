package org.sunshinehub.dispatch;

import static org.sunshinehub.dispatch.PackedColumns.channel;
import static org.sunshinehub.dispatch.PackedColumns.code;
import static org.sunshinehub.dispatch.PackedColumns.column;
import static org.sunshinehub.dispatch.PackedColumns.instant;
import static org.sunshinehub.dispatch.PackedColumns.text;
import static org.sunshinehub.dispatch.PackedColumns.time;
import static org.sunshinehub.dispatch.PackedColumns.unpack;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.storage.MongoErrors;

/**
 * {@code deliveries}, the only class that knows its field names: one document per {@link DeliveryPage}, each
 * per-delivery column packed into one value ({@link PackedColumns}). Every change is a read, the change in
 * memory (moves guarded there) and a write under the page's {@code version}; a page another writer changed in
 * between is read again and the change applied again. Pages this instance wrote lately are kept, so a batch's
 * moves usually need no read; a kept page that turns out stale fails its guarded write and is read again.
 */
@Component
class DeliveryStore {

    static final int ID_CHUNK = 100;
    private static final int MAX_TRIES = 100;

    private final MongoCollection<Document> deliveries;
    private final KeptPages kept = new KeptPages();

    DeliveryStore(MongoDatabase database) {
        this.deliveries = database.getCollection("deliveries");
        deliveries.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
        deliveries.createIndex(Indexes.ascending("key"), new IndexOptions().name("key"));
    }

    /**
     * Adds what is new, a page at a time.
     *
     * @return the positions in {@code batch} whose recipient already had a delivery
     */
    Set<Integer> insertNew(List<Delivery> batch) {
        Map<String, List<Integer>> byPage = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            byPage.computeIfAbsent(DeliveryPage.idOf(batch.get(i).id()), p -> new ArrayList<>()).add(i);
        }
        Set<Integer> taken = insertAsNew(batch, byPage);
        byPage.forEach((page, positions) -> taken.addAll(change(page,
                p -> positions.stream().filter(i -> !p.add(batch.get(i))).toList())));
        return taken;
    }

    /**
     * Pages not kept are first taken to be new, as a fan-out's mostly are, and inserted in one round trip; those
     * that existed after all stay in {@code byPage}, for {@link #change}.
     *
     * @return the positions in {@code batch} of the inserted pages whose recipient came twice
     */
    private Set<Integer> insertAsNew(List<Delivery> batch, Map<String, List<Integer>> byPage) {
        List<DeliveryPage> fresh = new ArrayList<>();
        Map<String, List<Integer>> twice = new HashMap<>();
        byPage.forEach((pageId, positions) -> {
            if (!kept.holds(pageId)) {
                DeliveryPage page = DeliveryPage.empty(pageId);
                twice.put(pageId, positions.stream().filter(i -> !page.add(batch.get(i))).toList());
                fresh.add(page);
            }
        });
        Set<Integer> existed = MongoErrors.insertManyIfAbsent(deliveries,
                fresh.stream().map(p -> toDocument(p, 1)).toList());
        Set<Integer> taken = new HashSet<>();
        for (int i = 0; i < fresh.size(); i++) {
            DeliveryPage page = fresh.get(i);
            if (!existed.contains(i)) {
                kept.keep(new DeliveryPage(page.id(), 1, page.deliveries()));
                taken.addAll(twice.get(page.id()));
                byPage.remove(page.id());
            }
        }
        return taken;
    }

    /** Every delivery created since {@code from}, streamed (a scan: for the console's 30-day volume chart). */
    void eachCreatedSince(Instant from, Consumer<Delivery> each) {
        deliveries.find(Filters.gte("touchedAt", Date.from(from))).batchSize(50).forEach(d -> page(d).deliveries()
                .stream().filter(x -> !x.createdAt().isBefore(from)).forEach(each));
    }

    /** Reads deliveries by id, the pages {@value #ID_CHUNK} at a time. */
    List<Delivery> byIds(List<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        List<String> pages = ids.stream().map(DeliveryPage::idOf).distinct().toList();
        List<Delivery> found = new ArrayList<>(ids.size());
        for (int from = 0; from < pages.size(); from += ID_CHUNK) {
            deliveries.find(Filters.in("_id", pages.subList(from, Math.min(from + ID_CHUNK, pages.size()))))
                    .forEach(d -> page(d).deliveries().stream().filter(x -> wanted.contains(x.id())).forEach(found::add));
        }
        return found;
    }

    /**
     * Moves each delivery still in {@code from} to {@code to} with its change, a page at a time.
     *
     * @return how many moved
     */
    long move(DeliveryState from, DeliveryState to, List<Delivery.Change> changes, Instant at) {
        from.checkMoveTo(to);
        Map<String, List<Delivery.Change>> byPage = new LinkedHashMap<>();
        changes.forEach(c -> byPage.computeIfAbsent(DeliveryPage.idOf(c.deliveryId()), p -> new ArrayList<>()).add(c));
        long moved = 0;
        for (Map.Entry<String, List<Delivery.Change>> e : byPage.entrySet()) {
            moved += change(e.getKey(), p -> apply(p, from, to, e.getValue(), at));
        }
        return moved;
    }

    private static long apply(DeliveryPage page, DeliveryState from, DeliveryState to, List<Delivery.Change> changes,
                              Instant at) {
        long moved = 0;
        for (Delivery.Change c : changes) {
            if (page.update(c.deliveryId(), from, d -> d.moved(to, c, at))) {
                moved++;
            } else if (to == DeliveryState.SENT) {
                page.replace(c.deliveryId(), d -> d.overtakenBy(c));
            }
        }
        return moved;
    }

    /** Moves a resendable delivery back to PENDING, now belonging to {@code queue} and its plan. */
    boolean requeueOne(DeliveryState from, String id, DispatchQueue queue, Instant at) {
        from.checkMoveTo(DeliveryState.PENDING);
        return change(DeliveryPage.idOf(id), p -> p.update(id, from, d -> d.requeued(queue, at)));
    }

    void markFellBack(String id, ChannelKind to) {
        change(DeliveryPage.idOf(id), p -> p.replace(id, d -> d.fellBack(to)));
    }

    /** A queue's deliveries counted per state: a read of its item's pages, for checking the queue's counters. */
    Map<DeliveryState, Long> countsOfQueue(DispatchQueue queue) {
        Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
        eachOfQueue(queue, d -> counts.merge(d.state(), 1L, Long::sum));
        return counts;
    }

    /** Up to {@code limit} of a queue's deliveries in {@code state}, asked when staff resend. */
    List<String> inState(DispatchQueue queue, DeliveryState state, int limit) {
        List<String> ids = new ArrayList<>();
        eachInState(queue, state, d -> {
            if (ids.size() < limit) {
                ids.add(d.id());
            }
        });
        return ids;
    }

    /** A queue's deliveries in {@code state}, streamed: asked when staff recall an item. */
    void eachInState(DispatchQueue queue, DeliveryState state, Consumer<Delivery> each) {
        eachOfQueue(queue, d -> {
            if (d.state() == state) {
                each.accept(d);
            }
        });
    }

    private void eachOfQueue(DispatchQueue queue, Consumer<Delivery> each) {
        deliveries.find(Filters.eq("key", key(queue.job().deliveryKey(), queue.channel()))).batchSize(50)
                .forEach(d -> page(d).deliveries().stream().filter(x -> x.queue().equals(queue.id())).forEach(each));
    }

    /** Applies {@code apply} to the page and writes it if it changed, until the write finds the page unchanged. */
    private <R> R change(String pageId, Function<DeliveryPage, R> apply) {
        synchronized (kept.lockFor(pageId)) {
            DeliveryPage known = kept.copyOf(pageId);
            // A page not kept is first taken to be new, as a fan-out's mostly are: its insert then needs no read.
            DeliveryPage page = known == null ? DeliveryPage.empty(pageId) : known;
            boolean fresh = false;
            for (int tries = 1; ; tries++) {
                R result = apply.apply(page);
                // A kept or assumed page may be stale: a change that finds nothing to do is trusted only on a read.
                if (page.changed() ? write(page) : fresh) {
                    kept.keep(page.changed() ? new DeliveryPage(pageId, page.version() + 1, page.deliveries()) : page);
                    return result;
                }
                if (tries == MAX_TRIES) {
                    throw new IllegalStateException("delivery page " + pageId + " kept changing under " + MAX_TRIES
                            + " tries");
                }
                page = read(pageId);
                fresh = true;
            }
        }
    }

    private DeliveryPage read(String pageId) {
        Document d = deliveries.find(Filters.eq("_id", pageId)).first();
        return d == null ? DeliveryPage.empty(pageId) : page(d);
    }

    private boolean write(DeliveryPage page) {
        Document next = toDocument(page, page.version() + 1);
        if (!page.stored()) {
            return MongoErrors.insertIfAbsent(deliveries, next);
        }
        return deliveries.replaceOne(new Document("_id", page.id()).append("version", page.version()), next)
                .getMatchedCount() == 1;
    }

    private static String key(String deliveryKey, ChannelKind channel) {
        return deliveryKey + ":" + channel.code();
    }

    private static Document toDocument(DeliveryPage page, long version) {
        List<Delivery> all = List.copyOf(page.deliveries());
        Delivery first = all.get(0);
        List<String> queues = all.stream().map(Delivery::queue).distinct().toList();
        Instant touched = all.stream().map(Delivery::updatedAt).max(Instant::compareTo).orElseThrow();
        return new Document("_id", page.id()).append("version", version)
                .append("key", page.key())
                .append("item", first.item()).append("channel", first.channel().code())
                .append("touchedAt", Date.from(touched)).append("queues", queues)
                .append("plans", queues.stream().map(q -> all.stream().filter(d -> d.queue().equals(q)).findFirst()
                        .orElseThrow().plan()).toList())
                .append("subscribers", column(all, Delivery::subscriber))
                .append("addresses", column(all, Delivery::address))
                .append("queue", column(all, d -> String.valueOf(queues.indexOf(d.queue()))))
                .append("states", column(all, d -> d.state().name()))
                .append("attempts", column(all, d -> String.valueOf(d.attempts())))
                .append("providerIds", column(all, Delivery::providerId))
                .append("reasons", column(all, Delivery::reason))
                .append("receiptCodes", column(all, Delivery::receiptCode))
                .append("fallbackAfter", column(all, d -> String.join(",", d.fallbackAfter().stream()
                        .map(ChannelKind::code).toList())))
                .append("fallbackFrom", column(all, d -> code(d.fallbackFrom())))
                .append("fellBackTo", column(all, d -> code(d.fellBackTo())))
                .append("createdAt", column(all, d -> time(d.createdAt())))
                .append("updatedAt", column(all, d -> time(d.updatedAt())))
                .append("receiptAt", column(all, d -> time(d.receiptAt())));
    }

    private static DeliveryPage page(Document d) {
        String pageId = d.getString("_id");
        String prefix = d.getString("key") + ":";
        List<String> queues = d.getList("queues", String.class);
        List<String> plans = d.getList("plans", String.class);
        ChannelKind channel = ChannelKind.of(d.getString("channel"));
        String item = d.getString("item");
        List<String> subscribers = unpack(d.get("subscribers"));
        List<String> addresses = unpack(d.get("addresses"));
        List<String> queue = unpack(d.get("queue"));
        List<String> states = unpack(d.get("states"));
        List<String> attempts = unpack(d.get("attempts"));
        List<String> providerIds = unpack(d.get("providerIds"));
        List<String> reasons = unpack(d.get("reasons"));
        List<String> receiptCodes = unpack(d.get("receiptCodes"));
        List<String> fallbackAfter = unpack(d.get("fallbackAfter"));
        List<String> fallbackFrom = unpack(d.get("fallbackFrom"));
        List<String> fellBackTo = unpack(d.get("fellBackTo"));
        List<String> createdAt = unpack(d.get("createdAt"));
        List<String> updatedAt = unpack(d.get("updatedAt"));
        List<String> receiptAt = unpack(d.get("receiptAt"));
        List<Delivery> all = new ArrayList<>(subscribers.size());
        for (int i = 0; i < subscribers.size(); i++) {
            int q = Integer.parseInt(queue.get(i));
            all.add(new Delivery(prefix + subscribers.get(i), plans.get(q), queues.get(q), item, channel,
                    subscribers.get(i), addresses.get(i), DeliveryState.valueOf(states.get(i)),
                    fallbackAfter.get(i).isEmpty() ? List.of()
                            : Stream.of(fallbackAfter.get(i).split(",")).map(ChannelKind::of).toList(),
                    channel(fallbackFrom.get(i)), channel(fellBackTo.get(i)), Integer.parseInt(attempts.get(i)),
                    text(providerIds.get(i)), text(reasons.get(i)), text(receiptCodes.get(i)), instant(createdAt.get(i)),
                    instant(updatedAt.get(i)), instant(receiptAt.get(i))));
        }
        return new DeliveryPage(pageId, d.get("version", Number.class).longValue(), all);
    }
}
