package org.sunshinehub.channel.wechat;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceHttpClientImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import org.springframework.stereotype.Component;

/** One WxJava client per account, every API host pointed at the account's configured base URL. */
@Component
class WechatApi {

    private final Map<String, WxMpService> services = new LinkedHashMap<>();
    private final String pushAccount;

    WechatApi(WechatProperties properties, MongoDatabase database, Clock clock) {
        properties.accounts().forEach((name, account) -> services.put(name, client(name, account, database, clock)));
        this.pushAccount = properties.pushAccount() != null ? properties.pushAccount()
                : properties.accounts().size() == 1 ? properties.accounts().keySet().iterator().next() : null;
        if (pushAccount != null && !services.containsKey(pushAccount)) {
            throw new IllegalStateException("sunshine.wechat.push-account names no configured account: " + pushAccount);
        }
    }

    /** The account push plans send through; empty when none is set and several are configured. */
    Optional<String> pushAccount() {
        return Optional.ofNullable(pushAccount);
    }

    Optional<WxMpService> service(String account) {
        return Optional.ofNullable(services.get(account));
    }

    private static WxMpService client(String name, WechatProperties.Account account, MongoDatabase database,
                                      Clock clock) {
        SharedAccessToken config = new SharedAccessToken(database.getCollection("wechatTokens"), name, clock);
        config.setAppId(account.appId());
        config.setSecret(account.secret());
        config.setToken(account.token());
        config.setAesKey(account.aesKey());
        String base = account.apiBaseUrl().replaceAll("/+$", "");
        // Web authorization's page is on WeChat's open host; every other call on the API host.
        config.setHostConfig(new WxMpHostConfig(base, account.openBaseUrl().replaceAll("/+$", ""), base));
        WxMpServiceHttpClientImpl service = new WxMpServiceHttpClientImpl();
        service.setWxMpConfigStorage(config);
        // WeChat's "system busy" (-1) is retried by the dispatcher's backoff, not by WxJava sleeping in a worker.
        service.setMaxRetryTimes(0);
        return service;
    }
}
