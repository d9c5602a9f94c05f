package org.sunshinehub.config;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when a map of named entries (e.g. {@code sunshine.wechat.accounts}) has at least one entry. */
public abstract class OnNamedEntries implements Condition {

    /** The map's property name. */
    protected abstract String property();

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !NamedEntries.names(context.getEnvironment(), property()).isEmpty();
    }
}
