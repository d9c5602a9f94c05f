package org.sunshinehub.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code review.yaml}. */
final class ReviewPolicyParser {

    private ReviewPolicyParser() {
    }

    static ReviewPolicy parse(JsonNode root) {
        List<String> defaults = levels(root.path("default"), "default");
        Map<String, List<String>> perCategory = new LinkedHashMap<>();
        JsonNode categories = root.path("categories");
        if (!categories.isMissingNode() && !categories.isNull()) {
            if (!categories.isObject()) {
                throw new IllegalArgumentException("review.yaml: 'categories' must map a category to its levels");
            }
            categories.fields().forEachRemaining(e ->
                    perCategory.put(e.getKey(), levels(e.getValue(), "categories." + e.getKey())));
        }
        Set<String> preApproved = new HashSet<>();
        root.path("preApprovedSources").forEach(s -> preApproved.add(s.asText()));
        return new ReviewPolicy(defaults, Map.copyOf(perCategory), Set.copyOf(preApproved));
    }

    private static List<String> levels(JsonNode node, String where) {
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException("review.yaml: '" + where + "' must be a non-empty list of levels");
        }
        List<String> levels = new ArrayList<>();
        for (JsonNode level : node) {
            String name = level.asText("").strip();
            if (name.isEmpty() || levels.contains(name)) {
                throw new IllegalArgumentException("review.yaml: '" + where + "' has an empty or repeated level");
            }
            levels.add(name);
        }
        return List.copyOf(levels);
    }
}
