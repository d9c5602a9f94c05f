package org.sunshinehub.plan;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/items/{id}/recall}: here, not in {@code content}, as it stops plans and takes back their sends. */
@RestController
class RecallController {

    private final ItemRecalls recalls;

    RecallController(ItemRecalls recalls) {
        this.recalls = recalls;
    }

    @PostMapping(path = "/api/items/{id}/recall", consumes = "application/json")
    ItemRecalls.RecallView recall(@PathVariable String id, @RequestBody ItemRecalls.RecallRequest request) {
        return recalls.recall(id, request);
    }
}
