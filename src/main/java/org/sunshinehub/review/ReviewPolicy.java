package org.sunshinehub.review;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parsed {@code review.yaml}: levels per category, a default, and sources whose items need no review. */
record ReviewPolicy(List<String> defaultLevels, Map<String, List<String>> categoryLevels,
                    Set<String> preApprovedSources) {

    List<String> levelsFor(String category) {
        return category == null ? defaultLevels : categoryLevels.getOrDefault(category, defaultLevels);
    }
}
