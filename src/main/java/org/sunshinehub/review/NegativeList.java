package org.sunshinehub.review;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.sunshinehub.config.ConfigFiles;
import org.sunshinehub.config.ReloadingConfig;
import org.sunshinehub.content.ItemFields;
import org.sunshinehub.content.Withholding;

/** The gate every item passes before it is stored: a match is withheld for good, with the rule that matched. */
@Component
public class NegativeList {

    private final ReloadingConfig<List<NegativeListRule>> rules;

    NegativeList(ConfigFiles files) {
        this.rules = files.watch("negative-list.yaml", NegativeListParser::parse);
    }

    /** @return why the item must be withheld, or empty when it may go on to review */
    public Optional<Withholding> check(ItemFields item) {
        for (NegativeListRule rule : rules.get()) {
            Optional<String> matched = rule.match(item);
            if (matched.isPresent()) {
                return Optional.of(new Withholding(rule.id(), rule.ground(), matched.get()));
            }
        }
        return Optional.empty();
    }
}
