package org.sunshinehub.dispatch;

import org.springframework.modulith.NamedInterface;

/** The provider's rate limit, shared by every worker of this instance. */
@NamedInterface("spi")
@FunctionalInterface
public interface Throttle {

    /** Blocks until one more request may go out. */
    void acquire();
}
