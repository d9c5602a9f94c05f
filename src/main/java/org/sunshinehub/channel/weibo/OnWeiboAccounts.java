package org.sunshinehub.channel.weibo;

import org.sunshinehub.config.OnNamedEntries;

/** True when at least one account is configured under {@code sunshine.weibo.accounts}. */
class OnWeiboAccounts extends OnNamedEntries {

    @Override
    protected String property() {
        return "sunshine.weibo.accounts";
    }
}
