package org.sunshinehub.dispatch;

import org.springframework.modulith.NamedInterface;

/** What a provider said when asked to take back one message it sent (撤回). */
@NamedInterface({"api", "spi"})
public record RecallOutcome(Kind kind, String reason) {

    @NamedInterface({"api", "spi"})
    public enum Kind {
        /** Deleted or withdrawn; gone also when it was gone already. */
        WITHDRAWN,
        /** The channel cannot take it back (an SMS, a WeChat template message): its recipients get the correction. */
        NOT_RECALLABLE,
        /** The provider refused or did not answer; a repeated recall asks again. */
        FAILED
    }

    public static RecallOutcome withdrawn() {
        return new RecallOutcome(Kind.WITHDRAWN, null);
    }

    public static RecallOutcome notRecallable() {
        return new RecallOutcome(Kind.NOT_RECALLABLE, null);
    }

    public static RecallOutcome failed(String reason) {
        return new RecallOutcome(Kind.FAILED, reason);
    }
}
