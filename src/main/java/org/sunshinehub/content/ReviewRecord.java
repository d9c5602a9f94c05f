package org.sunshinehub.content;

import java.time.Instant;

/** One sign-off decision, kept for audit. */
public record ReviewRecord(String level, Decision decision, String reviewer, String comment, Instant at) {

    public enum Decision { APPROVE, REJECT }
}
