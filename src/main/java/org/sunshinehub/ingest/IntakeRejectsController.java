package org.sunshinehub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemKind;
import org.sunshinehub.content.ItemRepository;
import org.sunshinehub.content.ItemRepository.Insertion;
import org.sunshinehub.web.Paging;

/**
 * What the routes' intake refused, and resubmitting it once fixed: 201 with the item it creates, 200 with the item
 * when it exists already (also for a reject resubmitted before), 400 naming each field still wrong.
 */
@RestController
@RequestMapping("/api/intake/rejects")
class IntakeRejectsController {

    private final IntakeRejects rejects;
    private final IntakeService intake;
    private final ItemRepository items;
    private final ObjectMapper json;

    IntakeRejectsController(IntakeRejects rejects, IntakeService intake, ItemRepository items, ObjectMapper json) {
        this.rejects = rejects;
        this.intake = intake;
        this.items = items;
        this.json = json;
    }

    @Operation(summary = "列出未能接收的记录")
    @GetMapping
    RejectPage list(@RequestParam(required = false) IntakeReject.State state,
                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        return new RejectPage(page, size, rejects.count(state), rejects.page(state, page, size));
    }

    record RejectPage(int page, int size, long total, List<IntakeReject> rejects) {
    }

    /** @param corrected the fixed payload; without one the stored payload is tried again (e.g. after a rule change) */
    @Operation(summary = "修正后重新提交未能接收的记录")
    @PostMapping("/{id}/resubmit")
    ResponseEntity<ContentItem> resubmit(@PathVariable String id, @RequestBody(required = false) JsonNode corrected) {
        IntakeReject reject = rejects.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这条被拒记录"));
        if (reject.state() == IntakeReject.State.RESUBMITTED) {
            return ResponseEntity.ok(items.findById(reject.itemId()).orElseThrow());
        }
        JsonNode item = corrected != null ? corrected : stored(reject);
        ItemKind kind = item.has("kind") || reject.kind() == null ? RouteIntake.kind(null, null, item) : reject.kind();
        Insertion insertion = intake.accept(kind, ItemDraftParser.parse(kind, item, Set.of("kind")), false);
        rejects.markResubmitted(id, insertion.item().id());
        return ResponseEntity.status(insertion.created() ? HttpStatus.CREATED : HttpStatus.OK).body(insertion.item());
    }

    private JsonNode stored(IntakeReject reject) {
        if (reject.truncated()) {
            throw new InvalidItemException(Map.of("$", "原始内容过长已截断，请提交修正后的完整内容"));
        }
        try {
            return json.readTree(reject.payload());
        } catch (IOException e) {
            throw new InvalidItemException(Map.of("$", "原始内容不是有效的 JSON，请提交修正后的内容"));
        }
    }
}
