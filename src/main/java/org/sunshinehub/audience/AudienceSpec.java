package org.sunshinehub.audience;

import java.util.List;

/** Who a push goes to: everyone, or subscribers with any of these topics. */
public record AudienceSpec(List<String> topics, boolean all) {

    public AudienceSpec {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }
}
