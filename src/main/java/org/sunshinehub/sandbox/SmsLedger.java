package org.sunshinehub.sandbox;

import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the sandbox accepted: counters always; the newest messages (up to the record limit) and each phone's
 * last extension code only when recording, so a benchmark of a million sends stays small.
 */
final class SmsLedger {

    private final int limit;
    private final Deque<SentSms> recent = new ConcurrentLinkedDeque<>();
    /** The deque's size() walks it; this keeps the bound check O(1). */
    private final java.util.concurrent.atomic.AtomicInteger kept = new java.util.concurrent.atomic.AtomicInteger();
    private final Map<String, String> lastExtendCode = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Deque<Long> arrivals = new ConcurrentLinkedDeque<>();
    private final java.util.concurrent.atomic.AtomicInteger arrivalsKept = new java.util.concurrent.atomic.AtomicInteger();

    SmsLedger(int limit) {
        this.limit = limit;
    }

    void count(String what) {
        counters.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    void record(SentSms sms) {
        count("accepted");
        if (limit == 0) {
            return;
        }
        recent.addLast(sms);
        if (kept.incrementAndGet() > limit && recent.pollFirst() != null) {
            kept.decrementAndGet();
        }
        if (sms.extendCode() != null) {
            lastExtendCode.put(sms.phone(), sms.extendCode());
        }
    }

    /** A request reached the SMS API at this time (epoch milliseconds): kept, up to the record limit. */
    void arrived(long at) {
        if (limit == 0) {
            return;
        }
        arrivals.addLast(at);
        if (arrivalsKept.incrementAndGet() > limit && arrivals.pollFirst() != null) {
            arrivalsKept.decrementAndGet();
        }
    }

    List<Long> arrivals() {
        return List.copyOf(arrivals);
    }

    List<SentSms> sentTo(String phone) {
        return recent.stream().filter(s -> phone == null || s.phone().equals(phone)).toList();
    }

    String lastExtendCode(String phone) {
        return lastExtendCode.get(phone);
    }

    Map<String, Long> counters() {
        Map<String, Long> snapshot = new java.util.TreeMap<>();
        counters.forEach((k, v) -> snapshot.put(k, v.get()));
        return snapshot;
    }
}
