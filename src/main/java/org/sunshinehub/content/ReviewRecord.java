package org.sunshinehub.content;

import java.time.Instant;

/**
 * One sign-off decision, kept for audit.
 *
 * @param reviewer     the signed-in staff account's username (never a name typed into the request)
 * @param reviewerName that account's display name when it signed
 */
public record ReviewRecord(String level, Decision decision, String reviewer, String reviewerName, String comment,
                           Instant at) {

    public enum Decision { APPROVE, REJECT }
}
