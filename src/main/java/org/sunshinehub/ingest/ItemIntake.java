package org.sunshinehub.ingest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.sunshinehub.content.ItemKind;

/** For modules that produce items themselves (e.g. a division's response): the same intake as every source. */
@Service
public class ItemIntake {

    private final IntakeService intake;

    ItemIntake(IntakeService intake) {
        this.intake = intake;
    }

    /**
     * Takes in an item written by the hub's own users; repeats of {@code source}+{@code sourceId} change nothing.
     *
     * @return the stored item's id
     * @throws org.sunshinehub.web.InvalidInputException naming each bad field
     */
    public String take(ItemKind kind, String source, String sourceId, String title, String body, String url,
                       String issuer) {
        return take(kind, JsonNodeFactory.instance.objectNode().put("source", source).put("sourceId", sourceId)
                .put("title", title).put("body", body).put("url", url).put("issuer", issuer));
    }

    /** An opinion task the hub raises itself, for a division (by id) or for staff to assign. */
    public String takeOpinionTask(String source, String sourceId, String title, String division) {
        return take(ItemKind.OPINION_TASK, JsonNodeFactory.instance.objectNode().put("source", source)
                .put("sourceId", sourceId).put("title", title).put("division", division));
    }

    private String take(ItemKind kind, ObjectNode json) {
        return intake.accept(kind, ItemDraftParser.parse(kind, json, Set.of()), false).item().id();
    }
}
