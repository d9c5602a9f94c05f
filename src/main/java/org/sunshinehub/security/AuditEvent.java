package org.sunshinehub.security;

import java.time.Instant;

/** One entry of the audit log; written once, never changed. */
public record AuditEvent(String id, Instant at, String account, AuditAction action, String object, String detail,
                         String clientAddress) {
}
