package org.sunshinehub.dispatch;

/** What the provider said about one message. */
public record SendOutcome(Kind kind, String providerId, String reason) {

    public enum Kind { ACCEPTED, RETRY, PERMANENT }

    public static SendOutcome accepted(String providerId) {
        return new SendOutcome(Kind.ACCEPTED, providerId, null);
    }

    /** Transient: timeouts, 5xx, flow control. The delivery is tried again after a backoff. */
    public static SendOutcome retry(String reason) {
        return new SendOutcome(Kind.RETRY, null, reason);
    }

    /** The message can never go out (invalid number, refused ...): FAILED at once. */
    public static SendOutcome permanent(String reason) {
        return new SendOutcome(Kind.PERMANENT, null, reason);
    }
}
