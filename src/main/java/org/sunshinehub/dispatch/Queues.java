package org.sunshinehub.dispatch;

/** States of a {@code dispatchQueues} document: one plan's push on one channel. */
final class Queues {

    static final String FANNING_OUT = "FANNING_OUT";
    static final String READY = "READY";
    static final String DONE = "DONE";
    static final String CANCELLED = "CANCELLED";

    private Queues() {
    }
}
