package org.sunshinehub.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads {@code negative-list.yaml}; every problem names the rule it is in. */
final class NegativeListParser {

    private NegativeListParser() {
    }

    static List<NegativeListRule> parse(JsonNode root) {
        JsonNode rules = root.path("rules");
        if (!rules.isArray()) {
            throw new IllegalArgumentException("negative-list.yaml needs a 'rules' list");
        }
        List<NegativeListRule> parsed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            NegativeListRule rule = rule(rules.get(i), i);
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("rule id '" + rule.id() + "' is used twice");
            }
            parsed.add(rule);
        }
        return List.copyOf(parsed);
    }

    private static NegativeListRule rule(JsonNode node, int index) {
        String id = node.path("id").asText("").strip();
        String where = id.isEmpty() ? "rule #" + (index + 1) : "rule '" + id + "'";
        if (id.isEmpty()) {
            throw new IllegalArgumentException(where + " has no id");
        }
        String ground = node.path("ground").asText("").strip();
        if (ground.isEmpty()) {
            throw new IllegalArgumentException(where + " has no ground (the legal basis staff will see)");
        }
        NegativeListRule rule = new NegativeListRule(id, ground, strings(node, "keywords", where),
                patterns(node, "patterns", where), strings(node, "categories", where),
                patterns(node, "docNumbers", where), strings(node, "issuers", where));
        if (rule.keywords().isEmpty() && rule.patterns().isEmpty() && rule.categories().isEmpty()
                && rule.docNumbers().isEmpty() && rule.issuers().isEmpty()) {
            throw new IllegalArgumentException(where + " has nothing to match");
        }
        return rule;
    }

    private static List<String> strings(JsonNode node, String field, String where) {
        JsonNode list = node.path(field);
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be a list");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : list) {
            String text = value.asText("").strip();
            if (text.isEmpty()) {
                throw new IllegalArgumentException(where + ": '" + field + "' has an empty entry");
            }
            values.add(text);
        }
        return List.copyOf(values);
    }

    private static List<Pattern> patterns(JsonNode node, String field, String where) {
        List<Pattern> compiled = new ArrayList<>();
        for (String regex : strings(node, field, where)) {
            try {
                compiled.add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(where + ": '" + field + "' has an invalid regular expression "
                        + regex + ": " + e.getDescription());
            }
        }
        return List.copyOf(compiled);
    }
}
