package org.sunshinehub.config;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when a map of named entries (e.g. {@code sunshine.wechat.accounts}) has at least one entry. Bound as flat
 * strings ({@code gov.app-id} …), which works whatever the entries hold.
 */
public abstract class OnNamedEntries implements Condition {

    /** The map's property name. */
    protected abstract String property();

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment()).bind(property(), Bindable.mapOf(String.class, String.class))
                .map(entries -> !entries.isEmpty()).orElse(false);
    }
}
