package org.sunshinehub.opiniontask;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An item's 条例第二十六条 deadline: it must be published by the end of {@code lastDay}. OPEN until the item is
 * approved (and so published), or CLOSED when it is rejected or recalled (not to be published).
 *
 * @param division the drafting division's id in config/divisions.yaml, or null when none answers for it
 */
public record PublicationDeadline(String itemId, String title, String division, Instant formedAt, LocalDate lastDay,
                                  State state) {

    public enum State { OPEN, MET, CLOSED }

    public boolean overdue(LocalDate today) {
        return state == State.OPEN && today.isAfter(lastDay);
    }
}
