package org.sunshinehub.opiniontask;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.sunshinehub.audience.PhoneNumbers;
import org.sunshinehub.config.ConfigFiles;
import org.sunshinehub.config.ReloadingConfig;
import org.sunshinehub.content.ItemFields;

/** {@code config/divisions.yaml}, reloaded on edit: who answers for what, and who supervises them. */
@Component
class Divisions {

    private final ReloadingConfig<List<Division>> divisions;

    Divisions(ConfigFiles files) {
        this.divisions = files.watch("divisions.yaml", Divisions::parse);
    }

    List<Division> all() {
        return divisions.get();
    }

    Optional<Division> byId(String id) {
        return divisions.get().stream().filter(d -> d.id().equals(id) || d.name().equals(id)).findFirst();
    }

    /** The division the task names, else the first whose keywords or categories match it. */
    Optional<Division> responsibleFor(ItemFields task) {
        if (task.division() != null) {
            Optional<Division> named = byId(task.division());
            if (named.isPresent()) {
                return named;
            }
        }
        return divisions.get().stream().filter(d -> d.matches(task.title()) || d.matches(task.summary())
                || task.category() != null && d.categories().contains(task.category())).findFirst();
    }

    static List<Division> parse(JsonNode root) {
        List<Division> parsed = new ArrayList<>();
        for (JsonNode d : root.path("divisions")) {
            String id = d.path("id").asText("");
            if (id.isBlank() || d.path("name").asText("").isBlank()) {
                throw new IllegalArgumentException("divisions.yaml: every division needs an id and a name");
            }
            List<Division.Contact> contacts = new ArrayList<>();
            d.path("contacts").forEach(c -> contacts.add(contact(c, id)));
            if (contacts.isEmpty()) {
                throw new IllegalArgumentException("divisions.yaml: division '" + id + "' has no contacts");
            }
            parsed.add(new Division(id, d.path("name").asText(), List.copyOf(contacts), contact(d.path("leader"), id),
                    strings(d.path("keywords")), strings(d.path("categories"))));
        }
        return List.copyOf(parsed);
    }

    private static Division.Contact contact(JsonNode c, String division) {
        String phone = PhoneNumbers.normalise(c.path("phone").asText(null)).orElseThrow(() ->
                new IllegalArgumentException("divisions.yaml: division '" + division + "' has a contact without a valid phone"));
        return new Division.Contact(c.path("name").asText(""), phone);
    }

    private static List<String> strings(JsonNode list) {
        List<String> values = new ArrayList<>();
        list.forEach(v -> values.add(v.asText()));
        return List.copyOf(values);
    }
}
