package org.sunshinehub.channel.wechat;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when at least one account is configured under {@code sunshine.wechat.accounts}. */
class OnWechatAccounts implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment())
                .bind("sunshine.wechat.accounts", Bindable.mapOf(String.class, String.class))
                .map(accounts -> !accounts.isEmpty()).orElse(false);
    }
}
