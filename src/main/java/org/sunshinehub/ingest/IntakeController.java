package org.sunshinehub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemKind;
import org.sunshinehub.content.ItemRepository.Insertion;

/**
 * REST intake for source systems: 201 with the stored item when it is new, 200 with the existing one when its
 * source+sourceId is already known (nothing changes), 400 naming each bad field.
 */
@RestController
@RequestMapping(path = "/api/intake", consumes = "application/json")
class IntakeController {

    private static final Map<String, ItemKind> PATHS = Map.of(
            "disclosures", ItemKind.DISCLOSURE,
            "consultations", ItemKind.CONSULTATION,
            "interpretations", ItemKind.INTERPRETATION,
            "opinion-tasks", ItemKind.OPINION_TASK);

    private final IntakeService intake;

    IntakeController(IntakeService intake) {
        this.intake = intake;
    }

    @Operation(summary = "接收信息（公开、征集、解读、舆情任务）")
    @PostMapping("/{collection}")
    ResponseEntity<ContentItem> take(@PathVariable String collection, @RequestBody JsonNode body) {
        ItemKind kind = PATHS.get(collection);
        if (kind == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "可用的接收路径：" + PATHS.keySet());
        }
        return answer(intake.accept(kind, ItemDraftParser.parse(kind, body, Set.of()), false));
    }

    /** A hot-topic alert from the opinion-monitoring system becomes an {@code OpinionTask}. */
    @Operation(summary = "接收舆情监测系统的热点预警")
    @PostMapping("/opinion-monitor")
    ResponseEntity<ContentItem> opinionAlert(@RequestBody JsonNode alert) {
        return answer(intake.accept(ItemKind.OPINION_TASK, OpinionAlert.toFields(alert), false));
    }

    private static ResponseEntity<ContentItem> answer(Insertion insertion) {
        return ResponseEntity.status(insertion.created() ? HttpStatus.CREATED : HttpStatus.OK).body(insertion.item());
    }
}
