package org.sunshinehub.config;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The names in a map of named entries (e.g. the accounts under {@code sunshine.wechat.accounts}), read before the
 * typed properties exist: bound as flat strings ({@code gov.app-id} …), which works whatever the entries hold.
 */
public final class NamedEntries {

    private NamedEntries() {
    }

    public static Set<String> names(Environment environment, String property) {
        Set<String> names = new TreeSet<>();
        Binder.get(environment).bind(property, Bindable.mapOf(String.class, String.class)).orElse(Map.of())
                .keySet().forEach(key -> names.add(key.split("[.\\[]", 2)[0]));
        return names;
    }
}
