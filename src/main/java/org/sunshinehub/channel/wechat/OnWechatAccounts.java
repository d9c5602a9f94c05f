package org.sunshinehub.channel.wechat;

import org.sunshinehub.config.OnNamedEntries;

/** True when at least one account is configured under {@code sunshine.wechat.accounts}. */
class OnWechatAccounts extends OnNamedEntries {

    @Override
    protected String property() {
        return "sunshine.wechat.accounts";
    }
}
