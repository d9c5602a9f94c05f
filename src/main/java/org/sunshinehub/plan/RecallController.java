package org.sunshinehub.plan;

import io.swagger.v3.oas.annotations.Operation;
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

    @Operation(summary = "撤回信息：取消未发出的投递，删除微博、微信群发，撤回 App 推送，并可向已收到者发送更正")
    @PostMapping(path = "/api/items/{id}/recall", consumes = "application/json")
    ItemRecalls.RecallView recall(@PathVariable String id, @RequestBody ItemRecalls.RecallRequest request) {
        return recalls.recall(id, request);
    }
}
