package org.sunshinehub.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** The faults in force, changeable while the sandbox runs. */
final class FaultState {

    private volatile double flowControlRate;
    private volatile Instant outageUntil = Instant.MIN;
    private volatile long slowMillis;
    private volatile Set<String> invalidNumbers = Set.of();
    private volatile Set<String> undeliveredNumbers = Set.of();
    private volatile double duplicateReceiptRate;

    void apply(SandboxProperties.Faults faults) {
        flowControlRate = faults.flowControlRate();
        outageUntil = Instant.now().plusSeconds(faults.outageSeconds());
        slowMillis = faults.slowMillis();
        invalidNumbers = Set.copyOf(faults.invalidNumbers());
        undeliveredNumbers = Set.copyOf(faults.undeliveredNumbers());
        duplicateReceiptRate = faults.duplicateReceiptRate();
    }

    boolean inOutage() {
        return Instant.now().isBefore(outageUntil);
    }

    boolean flowControlled() {
        return ThreadLocalRandom.current().nextDouble() < flowControlRate;
    }

    boolean duplicateReceipt() {
        return ThreadLocalRandom.current().nextDouble() < duplicateReceiptRate;
    }

    boolean invalid(List<String> phones) {
        return phones.stream().anyMatch(invalidNumbers::contains);
    }

    boolean undelivered(String phone) {
        return undeliveredNumbers.contains(phone);
    }

    void slowDown() throws InterruptedException {
        if (slowMillis > 0) {
            Thread.sleep(slowMillis);
        }
    }
}
