package org.sunshinehub.feedback;

import java.time.Instant;
import java.util.Optional;

/** A module that may refuse feedback on its items (e.g. a consultation after its period closed). */
public interface FeedbackGate {

    /** @return why feedback on this item arriving at {@code at} is not taken, or empty to take it */
    Optional<String> refusal(String itemId, Instant at);
}
