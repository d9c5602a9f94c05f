package org.sunshinehub.dispatch;

import org.springframework.modulith.NamedInterface;

/**
 * The provider's rate limit. Each provider account (an SMS access key, a WeChat appid and API, a JPush appKey, a
 * Weibo account) has one budget, shared by every worker of every instance on the database.
 */
@NamedInterface("spi")
@FunctionalInterface
public interface Throttle {

    /** Blocks until one more request may go out. */
    void acquire();

    /**
     * The budget of one provider account of this channel: an adapter that sends from several accounts, or calls
     * APIs the provider limits apart, asks each request of the account's own throttle. Pass an id, not a secret.
     */
    default Throttle forAccount(String account) {
        return this;
    }
}
