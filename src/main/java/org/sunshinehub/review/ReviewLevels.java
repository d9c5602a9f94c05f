package org.sunshinehub.review;

import java.util.List;
import org.springframework.stereotype.Component;
import org.sunshinehub.config.ConfigFiles;
import org.sunshinehub.config.ReloadingConfig;

/** Which sign-offs an item needs, from {@code review.yaml} as it stands now. */
@Component
public class ReviewLevels {

    private final ReloadingConfig<ReviewPolicy> policy;

    ReviewLevels(ConfigFiles files) {
        this.policy = files.watch("review.yaml", ReviewPolicyParser::parse);
    }

    /** The ordered levels for an item of this category (null: the default). */
    public List<String> levelsFor(String category) {
        return policy.get().levelsFor(category);
    }

    /** Items from this source are already public (e.g. the office website) and need no review. */
    public boolean isPreApproved(String source) {
        return policy.get().preApprovedSources().contains(source);
    }
}
