package org.sunshinehub.dispatch;

/** The provider's rate limit, shared by every worker of this instance. */
@FunctionalInterface
public interface Throttle {

    /** Blocks until one more request may go out. */
    void acquire();
}
